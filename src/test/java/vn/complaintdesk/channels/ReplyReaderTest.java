package vn.complaintdesk.channels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How customers' free-text answers to a letter are read (no Spring: plain rules). */
class ReplyReaderTest {

    private final ReplyReader reader = new ReplyReader();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Tôi đồng ý với phương án này.|ACCEPT",
            "toi dong y|ACCEPT",
            "Chấp nhận, cảm ơn anh chị.|ACCEPT",
            "OK, I accept.|ACCEPT",
            "Tôi KHÔNG đồng ý.|REJECT",
            "Tôi không chấp nhận cách giải quyết này|REJECT",
            "I do not accept this answer.|REJECT",
            "Tôi từ chối, sẽ khiếu nại tiếp.|REJECT",
            "Để tôi hỏi lại kế toán rồi báo lại sau.|UNCLEAR",
            "Đồng ý phần hoàn tiền nhưng không đồng ý phần phí.|UNCLEAR",
            "Cảm ơn anh chị.|UNCLEAR",
            "I do not agree.|REJECT",
            "I don't agree with this|REJECT",
            "Tôi không hề đồng ý|REJECT",
            "Tôi không hoàn toàn đồng ý|REJECT",
            "Tôi không thể chấp nhận|REJECT",
            "Tôi chưa thật sự hài lòng|REJECT",
            "No objection, I accept.|ACCEPT",
            "Không có ý kiến gì thêm, tôi đồng ý.|ACCEPT",
            "No, I am not happy, I want a refund, ok?|UNCLEAR",
            "' '|UNCLEAR"})
    void answersAreReadOnlyWhenTheySayOneThingClearly(String text, ReplyReader.Reading expected) {
        assertThat(reader.read(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {"5|5", "4/5|4", "3 sao, xử lý chậm|3", "2 stars|2", "  1  |1",
            "4 điểm. Nhân viên nhiệt tình|4"})
    void ratingsAreReadFromTheStartOfTheText(String text, int rating) {
        assertThat(reader.rating(text)).contains(rating);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Tuyệt vời", "10 điểm", "Mã 5521", "5 ngày nay tôi vẫn chưa nhận được tiền",
            "2 lần rồi"})
    void textWithoutARatingHasNone(String text) {
        assertThat(reader.rating(text)).isEmpty();
    }
}
