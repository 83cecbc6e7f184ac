package vn.complaintdesk.complaint;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.complaintdesk.intake.ComplaintSubmission;
import vn.complaintdesk.intake.IntakeService;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;

/** One customer, three complaints on three channels, found together from any of them. */
@DeskTest
class CustomerHistoryTest {

    @Autowired MockMvc mvc;
    @Autowired IntakeService intake;
    @Autowired ProcessDriver driver;

    @Test
    void aCustomersThreeComplaintsAcrossChannelsAreOneHistory() throws Exception {
        String account = "ACC-" + System.nanoTime();
        String web = submit(Channel.WEB_FORM, account, "bao.tran@example.vn", null);
        String hotline = submit(Channel.HOTLINE, null, null, "+84 987 000 111");
        String chat = submit(Channel.LIVE_CHAT, account, "BAO.TRAN@example.vn", "+84 987 000 111");
        String stranger = submit(Channel.WEB_FORM, "ACC-other-" + System.nanoTime(), "other@example.vn", null);
        driver.runJobs(web);

        mvc.perform(get("/customers/history").param("complaint", chat).with(user("agent").roles("cs-agents")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-reference=\"" + web + "\"")))
                .andExpect(content().string(Matchers.containsString("data-reference=\"" + hotline + "\"")))
                .andExpect(content().string(Matchers.containsString("data-reference=\"" + chat + "\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(stranger))))
                .andExpect(content().string(Matchers.containsString("Xác nhận tiếp nhận")));

        mvc.perform(get("/tasks").param("q", web).with(user("agent").roles("cs-agents")))
                .andExpect(content().string(Matchers.containsString("data-repeat=\"")));
    }

    private String submit(Channel channel, String account, String email, String phone) {
        return intake.submit(new ComplaintSubmission(channel, null, Category.DELIVERY, "Giao hàng chậm",
                "Đơn hàng chưa tới sau 10 ngày.", LocalDate.now().minusDays(2), null,
                new ComplaintSubmission.CustomerData("Trần Gia Bảo", email, phone, account, CustomerTier.LOYAL, "vi")),
                channel == Channel.HOTLINE ? "agent" : null, null).reference();
    }
}
