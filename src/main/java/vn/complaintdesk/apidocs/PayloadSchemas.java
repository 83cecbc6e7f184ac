package vn.complaintdesk.apidocs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

/**
 * Bodies that the controllers take as free JSON objects and check by name: the customer events and
 * the completion fields of each user task (the task rules in {@code tasks/rules} decide; this is
 * their description, checked by {@code ApiContractTest} on real completions).
 */
final class PayloadSchemas {

    static final String TASK_COMPLETION = "TaskCompletion";
    static final String CUSTOMER_EVENT = "CustomerEvent";
    static final String CHANNEL_ANSWER = "ChannelAnswer";

    private static final List<String> REMEDIES =
            List.of("EXPLANATION", "REFUND", "COMPENSATION", "VOUCHER", "BONUS_CREDIT", "SERVICE_FIX");

    private PayloadSchemas() {
    }

    static Map<String, Schema> schemas() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        schemas.put("CustomerInfoProvided", object("The information the desk asked for (message "
                + "`CustomerInfoProvided`): `information`, files, or both")
                .addProperty("information", text(10000, "Mã giao dịch GD-778, lúc 14:05 ngày 20/11."))
                .addProperty("attachments", new ArraySchema().items(ProblemSchemas.ref("Attachment")).maxItems(5)
                        .description("files, with the portal's limits: at most 5 of 5 MB, PDF/JPEG/PNG/text by content")));
        schemas.put("CustomerAnswered", object("The customer's answer to the reply letter (message `CustomerAnswered`); "
                + "a rejection needs a reason")
                .addProperty("accepts", new BooleanSchema().example(false))
                .addProperty("reason", text(4000, "Số tiền hoàn chưa đủ so với phí đã trừ."))
                .required(List.of("accepts")));
        schemas.put("SurveyAnswered", object("The customer's rating of the handling (message `SurveyAnswered`); "
                + "3 or less opens `RecoverDissatisfiedCustomer`")
                .addProperty("rating", new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                        .maximum(java.math.BigDecimal.valueOf(5)).example(4))
                .addProperty("comment", text(4000, "Nhân viên hỗ trợ nhiệt tình."))
                .addProperty("suggestion", text(4000, "Nên trả lời nhanh hơn."))
                .required(List.of("rating")));
        schemas.put(CUSTOMER_EVENT, new ComposedSchema()
                .description("The payload of the event named in the path")
                .anyOf(List.of(ProblemSchemas.ref("CustomerInfoProvided"), ProblemSchemas.ref("CustomerAnswered"),
                        ProblemSchemas.ref("SurveyAnswered"))));
        schemas.put(CHANNEL_ANSWER, object("What became of a channel message; a new complaint adds the intake answer")
                .addProperty("outcome", oneOf("OPENED_COMPLAINT", "ADDED_TO_COMPLAINT", "INFO_PROVIDED",
                        "ANSWER_DELIVERED", "SURVEY_ANSWERED", "TO_CLASSIFY", "UNVERIFIED_SENDER", "SET_ASIDE"))
                .addProperty("reference", new StringSchema().example("KN-2026-000042"))
                .addProperty("repeated", new BooleanSchema()
                        .description("true when this messageId was handled before: nothing changed"))
                .addProperty("status", new StringSchema().example("RECEIVED"))
                .addProperty("receivedAt", new StringSchema().format("date-time"))
                .addProperty("acknowledgementDueAt", new StringSchema().format("date-time"))
                .addProperty("interimDueAt", new StringSchema().format("date-time"))
                .addProperty("replyDueAt", new StringSchema().format("date-time"))
                .addProperty("resolutionDueAt", new StringSchema().format("date-time"))
                .addProperty("trackingToken", new StringSchema())
                .required(List.of("outcome", "reference", "repeated")));

        Map<String, Schema> tasks = new LinkedHashMap<>();
        tasks.put("AnalyzeComplaint", task("cs-agents")
                .addProperty("outcome", oneOf("RESOLVE_NOW", "NEED_INFO", "INVESTIGATE"))
                .addProperty("departments", new ArraySchema().items(oneOf("TECHNICAL", "FINANCE", "OPERATIONS"))
                        .description("required for INVESTIGATE: one investigation per department"))
                .addProperty("questionsForCustomer", text(4000, "Vui lòng gửi ảnh chụp màn hình lỗi và mã giao dịch.")
                        .description("required for NEED_INFO; mailed to the customer as written"))
                .addProperty("notes", text(4000, "Khách hàng VIP, ưu tiên xử lý."))
                .required(List.of("outcome")));
        tasks.put("InvestigateInDepartment", task("dept-technical, dept-finance or dept-operations")
                .addProperty("findings", text(10000, "Lệnh rút bị treo do lỗi cổng thanh toán ngày 20/11."))
                .addProperty("rootCause", text(4000, "Lỗi kết nối ngân hàng đối tác."))
                .required(List.of("findings")));
        tasks.put("ProposeResolution", proposal(task("cs-agents")));
        tasks.put("ReviewSecondRound", proposal(task("cs-directors"))
                .addProperty("meetingAt", new StringSchema().format("date-time").example("2026-12-03T09:30:00+07:00")
                        .description("optional: the letter becomes a meeting invitation")));
        tasks.put("ApproveResolution", task("from the `approval-authority` table (cs-directors); never the proposal's author")
                .addProperty("decision", oneOf("APPROVE", "REJECT", "MORE_INVESTIGATION"))
                .addProperty("comment", text(4000, "Đối soát lại số tiền trước khi gửi.")
                        .description("required unless APPROVE"))
                .required(List.of("decision")));
        tasks.put("HandleExternalEscalation", task("legal")
                .addProperty("route", oneOf("REGULATOR", "MEDIATION", "ARBITRATION", "COURT"))
                .addProperty("caseReference", text(200, "HS-2026-0815"))
                .addProperty("filedAt", new StringSchema().format("date").example("2026-12-10"))
                .required(List.of("route", "caseReference")));
        tasks.put("RecordEscalationOutcome", task("legal")
                .addProperty("outcome", oneOf("CUSTOMER_UPHELD", "COMPANY_UPHELD", "SETTLED", "WITHDRAWN"))
                .addProperty("summary", text(4000, "Hai bên hòa giải thành, công ty hoàn 500.000 đ."))
                .required(List.of("outcome")));
        tasks.put("RecordLessonsLearned", task("cs-agents")
                .addProperty("lesson", text(4000, "Cần thông báo sớm khi cổng thanh toán gặp sự cố."))
                .addProperty("trainingNeeded", new BooleanSchema().example(true))
                .required(List.of("lesson")));
        tasks.put("RecoverDissatisfiedCustomer", task("cs-directors")
                .addProperty("action", text(4000, "Gọi điện xin lỗi và tặng voucher 200.000 đ."))
                .addProperty("notes", text(4000, "Khách hàng đồng ý tiếp tục sử dụng dịch vụ."))
                .required(List.of("action")));
        tasks.put("ClassifyCustomerReply", task("cs-agents")
                .addProperty("kind", oneOf("INFO", "ACCEPT", "REJECT", "OTHER")
                        .description("ACCEPT and REJECT count as the customer's answer to the letter"))
                .addProperty("comment", text(4000, "Khách hỏi thêm về thời hạn hoàn tiền."))
                .required(List.of("kind")));
        tasks.forEach((key, schema) -> schemas.put(key + "Fields", schema.description(
                "Completion fields of `" + key + "` (" + schema.getDescription() + "); any other field: 400")));
        schemas.put(TASK_COMPLETION, new ComposedSchema()
                .description("The completion fields of the task's key (`taskKey` of the task list)")
                .anyOf(tasks.keySet().stream().map(key -> (Schema) ProblemSchemas.ref(key + "Fields")).toList()));
        return schemas;
    }

    private static ObjectSchema proposal(ObjectSchema schema) {
        schema.addProperty("rootCause", text(4000, "Cổng thanh toán trả lỗi nhưng vẫn trừ tiền."))
                .addProperty("remedy", oneOf(REMEDIES.toArray(String[]::new)))
                .addProperty("amount", new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO)
                        .example(2000000).description("VND; required unless EXPLANATION or SERVICE_FIX"))
                .addProperty("replyText", text(10000, "Kính gửi anh Anh, chúng tôi đã hoàn 2.000.000 đ vào tài khoản của anh.")
                        .description("the letter's text; no `{placeholder}` may be left in"))
                .required(List.of("rootCause", "remedy", "replyText"));
        return schema;
    }

    private static ObjectSchema task(String groups) {
        ObjectSchema schema = object(groups);
        schema.additionalProperties(false);
        return schema;
    }

    private static ObjectSchema object(String description) {
        ObjectSchema schema = new ObjectSchema();
        schema.description(description);
        return schema;
    }

    private static StringSchema text(int maxLength, String example) {
        StringSchema schema = new StringSchema();
        schema.maxLength(maxLength).example(example);
        return schema;
    }

    private static StringSchema oneOf(String... values) {
        StringSchema schema = new StringSchema();
        schema.setEnum(List.of(values));
        return schema;
    }
}
