package vn.complaintdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.complaintdesk.support.DeskTest;

/**
 * Seeded, reproducible fuzzing of the public doors: {@code POST /api/complaints}, the tracking
 * calls and the portal form, with wrong types, control characters, huge strings, deeply nested
 * bodies, invalid and absurd dates, unknown enum values, wrong content types and broken JSON.
 * No answer may be a 5xx, and every 4xx on {@code /api} is {@code application/problem+json}.
 * Almost every payload is invalid by construction, so that few complaints are created; a failure
 * prints the seed ({@code -Dfuzz.seed=} replays it) and the payload's number.
 */
@DeskTest
class PublicInputFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20_261_208L);
    private static final int PAYLOADS = 2_400;
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static final String[] CONTROL = {"\u0000", "\u0001", "\u0007", "\b", "\u000B", "\f", "\r", "\n", "\r\n",
            "\u001B[31m", "\u007F", "\u0085", "\u009B"};
    private static final String[] ODD_TEXT = {"", " ", "\t", "😀🇻🇳", "\uD800", "\uDFFF", "\u202Eevil", "\uFEFF",
            "Nguyễn Thị Hằng", "' OR 1=1 --", "<script>alert(1)</script>", "${7*7}", "#{7*7}", "{amount}",
            "%00", "../../etc/passwd", "null", "\\u0000", "ﬁ", "\u0301\u0301\u0301"};
    private static final String[] DATES = {"-5877641-06-23", "+999999999-12-31", "-999999999-01-01",
            "+1000000000-01-01", "1999-12-31", "2000-00-01", "2026-02-30", "2026-13-01", "0000-01-01", "20261201",
            "2026-12-01T10:00", "12/01/2026", "yesterday", "", "2999-01-01", "1970-01-01", "2026-1-1"};
    private static final String[] ENUM_FIELDS = {"channel", "category", "socialNetwork"};
    private static final String[] CONTENT_TYPES = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
            "application/json; charset=foo", "multipart/form-data; boundary=x", "application/problem+json",
            "application/octet-stream", "text/html", "application/json;charset=ISO-8859-1", ""};
    private static final String[] ACCEPTS = {"application/json", "*/*", "text/html", "text/csv", "application/xml",
            "x/y;q=abc", "application/problem+json", "image/png"};

    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private record Fuzzed(String method, String path, String contentType, String accept, byte[] body) {

        String describe() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            String shown = (text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text)
                    .replaceAll("\\p{Cntrl}", "·");
            return method + " " + path + " [" + contentType + ", accept " + accept + "] " + shown;
        }
    }

    @Test
    void noGeneratedPayloadGetsA5xxAndEvery4xxOnTheApiIsAProblemDocument() throws Exception {
        Random random = new Random(SEED);
        JsonNode tracked = json.readTree(send(new Fuzzed("POST", "/api/complaints", "application/json",
                "application/json", valid().toString().getBytes(StandardCharsets.UTF_8))).body());
        String reference = tracked.get("reference").asText();
        String token = tracked.get("trackingToken").asText();
        String csrf = csrfOfThePortalForm();

        List<String> failures = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < PAYLOADS; i++) {
            int door = random.nextInt(10);
            Fuzzed request = door < 5 ? intake(random) : door < 8 ? tracking(random, reference, token)
                    : portal(random, csrf);
            HttpResponse<String> answer = send(request);
            int status = answer.statusCode();
            String type = answer.headers().firstValue("Content-Type").orElse("");
            if (status == 201 || (status == 302 && request.path().equals("/complaint")
                    && answer.headers().firstValue("Location").orElse("").contains("confirmation"))) {
                accepted++;
            }
            if (status >= 500) {
                failures.add("#" + i + " answered " + status + ": " + request.describe() + " → " + cut(answer.body()));
            } else if (status >= 400 && request.path().startsWith("/api/") && !type.startsWith("application/problem+json")) {
                failures.add("#" + i + " answered " + status + " as '" + type + "': " + request.describe());
            }
        }

        System.out.printf("FUZZ seed %d: %d payloads, %d accepted%n", SEED, PAYLOADS, accepted);
        assertThat(failures).as("seed %d (replay with -Dfuzz.seed=%d)", SEED, SEED).isEmpty();
        assertThat(accepted).as("complaints created (seed %d)", SEED).isBetween(1, PAYLOADS / 40);
    }

    // --- POST /api/complaints ----------------------------------------------------------------

    private Fuzzed intake(Random random) throws Exception {
        ObjectNode body = valid();
        for (int extra = random.nextInt(3); extra > 0; extra--) {
            harmless(random, body);
        }
        boolean baseline = random.nextInt(100) == 0;
        String text = baseline ? body.toString() : poison(random, body);
        String contentType = !baseline && random.nextInt(12) == 0 ? pick(random, CONTENT_TYPES) : "application/json";
        String accept = random.nextInt(8) == 0 ? pick(random, ACCEPTS) : "application/json";
        byte[] bytes = random.nextInt(60) == 0 && !baseline ? invalidUtf8(text) : text.getBytes(StandardCharsets.UTF_8);
        return new Fuzzed("POST", "/api/complaints", contentType, accept, bytes);
    }

    /** A change that may or may not be valid on its own. */
    private void harmless(Random random, ObjectNode body) {
        ObjectNode customer = (ObjectNode) body.get("customer");
        switch (random.nextInt(6)) {
            case 0 -> customer.put("tier", pick(random, "AGENCY_1", "LOYAL", "STANDARD", "NEGATIVE"));
            case 1 -> body.put("unknownField" + random.nextInt(5), pick(random, ODD_TEXT));
            case 2 -> body.put("description", body.get("description").asText() + pick(random, "\t", "\n", "\r\n", "😀"));
            case 3 -> customer.put("language", pick(random, "vi", "en"));
            case 4 -> body.put("subject", pick(random, ODD_TEXT) + " Lỗi nạp tiền");
            default -> customer.put("phone", pick(random, "+84 912 345 678", "0912345678", "(028) 3823 4567"));
        }
    }

    /** A change that makes the request invalid, whatever else it holds; answers the text to send. */
    private String poison(Random random, ObjectNode body) throws Exception {
        ObjectNode customer = (ObjectNode) body.get("customer");
        String field = pick(random, "subject", "customer.name", "customer.email", "customer.accountId");
        ObjectNode holder = field.startsWith("customer.") ? customer : body;
        String name = field.substring(field.indexOf('.') + 1);
        switch (random.nextInt(16)) {
            case 0 -> holder.put(name, text(holder, name) + pick(random, CONTROL) + "x");
            case 1 -> body.put("description", "a" + pick(random, CONTROL).replaceAll("[\\t\\n\\r]", "\u0000") + "b");
            case 2 -> body.put("incidentDate", pick(random, DATES));
            case 3 -> body.put(pick(random, ENUM_FIELDS), pick(random, "WEBFORM", "web_form", "", "0", "IN PERSON",
                    "PAYMENT_DELAY ", "ZALO\u0000"));
            case 4 -> customer.put(pick(random, "tier", "language"), pick(random, "GOLD", "fr", "VI", "", "AGENCY_9"));
            case 5 -> body.put("channel", pick(random, "IN_PERSON", "HOTLINE", "POST"));
            case 6 -> body.put("receivedAt", pick(random, "2026-01-01T10:00:00+07:00", "-999999999-01-01T00:00:00Z",
                    "+999999999-12-31T23:59:59+07:00", "now"));
            case 7 -> body.remove(pick(random, "channel", "category", "subject", "description", "incidentDate", "customer"));
            case 8 -> wrongType(random, body, pick(random, "incidentDate", "customer", "channel", "category"));
            case 9 -> holder.put(name, huge(random, 301 + random.nextInt(200_000)));
            case 10 -> body.put("description", huge(random, 10_001 + random.nextInt(random.nextInt(40) == 0
                    ? 1_200_000 : 50_000)));
            case 11 -> {
                return body.toString().replace("\"description\":\"", "\"description\":" + nested(random) + ",\"x\":\"");
            }
            case 12 -> {
                String text = body.toString();
                return text.substring(0, random.nextInt(text.length()));
            }
            case 13 -> {
                return pick(random, "", "null", "[]", "[" + body + "]", "\"text\"", "42", "{\"customer\":[]}",
                        "{{}}", "{\"a\":1}garbage", "\u0000");
            }
            case 14 -> customer.put("email", pick(random, "not-an-email", "a@", "@b.vn", "a b@c.vn", huge(random, 300)));
            default -> {
                customer.remove("email");
                customer.remove("phone");
            }
        }
        return body.toString();
    }

    private void wrongType(Random random, ObjectNode body, String field) {
        switch (random.nextInt(4)) {
            case 0 -> body.put(field, random.nextLong());
            case 1 -> body.putArray(field).add("x").add(1);
            case 2 -> body.put(field, random.nextBoolean());
            default -> body.putObject(field).put("nested", field.equals("customer") ? "x" : "y");
        }
        if (field.equals("customer") && body.get("customer").isObject()) {
            body.putArray("customer");
        }
    }

    // --- the tracking calls ------------------------------------------------------------------

    private Fuzzed tracking(Random random, String reference, String token) throws Exception {
        String ref = random.nextInt(3) > 0 ? reference : pick(random, "KN-2026-000000", "kn-2026-1", "", "KN\u0000",
                "x".repeat(300), "KN-2026-000001\r\n", "😀", "..", "KN-2026-000001;a=b", "%2F");
        String tok = random.nextInt(3) > 0 ? token : pick(random, "", "wrong", "a\u0000b", "x".repeat(5000),
                token + "\n", "' OR '1'='1", "ﬁ");
        String action = pick(random, "", "/info", "/answer", "/survey");
        String path = "/api/track/" + encodePath(ref) + action + (random.nextInt(10) == 0 ? "" : "?token=" + encode(tok));
        if (action.isEmpty()) {
            return new Fuzzed("GET", path, "", random.nextInt(3) == 0 ? pick(random, ACCEPTS) : "application/json", null);
        }
        ObjectNode body = json.createObjectNode();
        switch (random.nextInt(8)) {
            case 0 -> body.put("information", pick(random, ODD_TEXT) + pick(random, CONTROL));
            case 1 -> body.put("accepts", pick(random, "maybe", "true", "", "\u0000"));
            case 2 -> body.put("rating", pick(random, "0", "6", "-1", "five", "4.5", "99999999999999999999"));
            case 3 -> body.put("comment", huge(random, 4_001 + random.nextInt(20_000)));
            case 4 -> body.putArray("information").add(1).addObject().put("a", "b");
            case 5 -> body.put("reason", "Không đồng ý" + pick(random, CONTROL));
            case 6 -> body.put("rating", random.nextInt(7));
            default -> body.put("information", "Mã giao dịch GD-778");
        }
        String text = random.nextInt(8) == 0 ? pick(random, "{", "[", "null", "\"x\"", nested(random), "{\"a\":")
                : body.toString();
        String contentType = random.nextInt(8) == 0 ? pick(random, CONTENT_TYPES) : "application/json";
        return new Fuzzed("POST", path, contentType, "application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    // --- the portal form ---------------------------------------------------------------------

    private Fuzzed portal(Random random, String csrf) {
        List<String[]> fields = new ArrayList<>(List.of(new String[] {"_csrf", random.nextInt(15) == 0 ? "forged" : csrf},
                new String[] {"category", "BILLING"}, new String[] {"subject", "Bị tính phí hai lần"},
                new String[] {"description", "Tháng này bị trừ phí hai lần.\r\nXin kiểm tra."},
                new String[] {"incidentDate", LocalDate.now(ZONE).minusDays(1).toString()},
                new String[] {"customer.name", "Đặng Thu Hà"}, new String[] {"customer.email", "thu.ha@example.vn"}));
        boolean baseline = random.nextInt(100) == 0;
        if (!baseline) {
            String[] field = fields.get(1 + random.nextInt(fields.size() - 1));
            switch (random.nextInt(6)) {
                case 0 -> field[1] = field[1] + pick(random, CONTROL).replaceAll("[\\t\\n\\r]", "\u0000");
                case 1 -> fields.get(4)[1] = pick(random, DATES).isEmpty() ? "x" : pick(random, DATES);
                case 2 -> fields.get(1)[1] = pick(random, "GOLD", "billing", "\u0000");
                case 3 -> fields.get(2)[1] = huge(random, 301 + random.nextInt(5_000));
                case 4 -> fields.get(5)[1] = "";
                default -> fields.get(6)[1] = "not-an-email" + pick(random, ODD_TEXT);
            }
        }
        String filename = pick(random, "a.txt", "bao\u0000cao.pdf", "b\u0007.png", "../../x.txt", "😀.txt", "");
        if (random.nextInt(5) == 0) {
            StringBuilder form = new StringBuilder();
            fields.forEach(f -> form.append(form.isEmpty() ? "" : "&").append(encode(f[0])).append('=').append(encode(f[1])));
            return new Fuzzed("POST", "/complaint", "application/x-www-form-urlencoded", "text/html",
                    form.toString().getBytes(StandardCharsets.UTF_8));
        }
        String boundary = "----fuzz" + random.nextInt(1_000_000);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : fields) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!filename.isEmpty()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\""
                    + filename + "\"\r\nContent-Type: text/plain\r\n\r\nxin chào\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + (random.nextInt(20) == 0 ? "" : "--\r\n")).getBytes(StandardCharsets.UTF_8));
        return new Fuzzed("POST", "/complaint", "multipart/form-data; boundary=" + boundary, "text/html",
                body.toByteArray());
    }

    // --- helpers -----------------------------------------------------------------------------

    private ObjectNode valid() throws Exception {
        return (ObjectNode) json.readTree("""
                {"channel":"WEB_FORM","category":"SERVICE_QUALITY","subject":"Nhân viên trả lời chậm",
                 "description":"Tôi chờ trên kênh chat hơn một giờ.","incidentDate":"%s",
                 "customer":{"name":"Hoàng Văn Nam","email":"nam.hoang@example.vn","accountId":"ACC-77"}}"""
                .formatted(LocalDate.now(ZONE).minusDays(1)));
    }

    private HttpResponse<String> send(Fuzzed request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.path()))
                .timeout(Duration.ofSeconds(30)).header("Accept", request.accept());
        if (!request.contentType().isEmpty()) {
            builder.header("Content-Type", request.contentType());
        }
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrfOfThePortalForm() throws Exception {
        String page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/complaint")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();
        return csrf.group(1);
    }

    private static String nested(Random random) {
        int depth = 1_001 + random.nextInt(4_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    private static String huge(Random random, int length) {
        String unit = pick(random, "a", "ệ", "😀", "x\u0000", " ");
        return unit.repeat(Math.max(1, length / unit.length()));
    }

    private static byte[] invalidUtf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length / 2] = (byte) 0xC3;
        if (bytes.length / 2 + 1 < bytes.length) {
            bytes[bytes.length / 2 + 1] = (byte) 0x28;
        }
        return bytes;
    }

    private static String text(ObjectNode holder, String name) {
        return holder.hasNonNull(name) ? holder.get(name).asText() : "x";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String encodePath(String value) {
        return encode(value).replace("+", "%20");
    }

    private static String cut(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) : text;
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
