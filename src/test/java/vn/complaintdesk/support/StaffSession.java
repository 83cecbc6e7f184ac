package vn.complaintdesk.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like session: logs in through our login form and keeps the session cookie. */
public final class StaffSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;

    private StaffSession(String base) {
        this(base, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    private StaffSession(String base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    public static StaffSession anonymous(int port) {
        return new StaffSession("http://localhost:" + port);
    }

    public static StaffSession login(int port, String user, String password) {
        StaffSession session = new StaffSession("http://localhost:" + port);
        HttpResponse<String> form = session.get("/login");
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("login page has no CSRF token");
        }
        HttpResponse<String> result = session.postForm("/login", "username=" + enc(user) + "&password=" + enc(password)
                + "&_csrf=" + enc(csrf.group(1)));
        String location = result.headers().firstValue("Location").orElse("");
        if (result.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login as " + user + " failed: " + result.statusCode() + " " + location);
        }
        return session;
    }

    /** The same browser (its cookies) talking to another node of the desk on this host. */
    public StaffSession onPort(int port) {
        return new StaffSession("http://localhost:" + port, client);
    }

    /** The CSRF token of the first form on a page. */
    public static String csrfToken(HttpResponse<String> page) {
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("page has no CSRF token");
        }
        return csrf.group(1);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** A GET as a browser asks for a page (Accept: text/html), e.g. to see the HTML error pages. */
    public HttpResponse<String> getPage(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build());
    }

    public HttpResponse<String> postForm(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** A form POST with extra headers, given as name, value, name, value, ... */
    public HttpResponse<String> postForm(String path, String form, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).headers(headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** A call with any method to the Camunda webapps' API, with its XSRF token. */
    public HttpResponse<String> sendCamunda(String method, String path, String xsrfToken, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", xsrfToken)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A POST to the Camunda webapps' API, which Camunda guards with its own XSRF token. */
    public HttpResponse<String> postCamunda(String path, String xsrfToken) {
        return postCamunda(path, xsrfToken, "");
    }

    public HttpResponse<String> postCamunda(String path, String xsrfToken, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", xsrfToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Opens Camunda Tasklist and returns the XSRF token Camunda's webapp API then asks for. */
    public String openCamundaTasklist() {
        HttpResponse<String> app = get("/camunda/app/tasklist/default/");
        return app.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElseThrow();
    }

    /** A deployment of one file through the Camunda webapps' API (what Cockpit's deploy calls). */
    public HttpResponse<String> deployCamunda(String path, String xsrfToken, String fileName, byte[] content) {
        String boundary = "----desk" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
                + fileName + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", xsrfToken)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
