package vn.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;

@DeskTest
class FailedNotificationsPageTest {

    @Autowired MockMvc mvc;
    @Autowired ProcessDriver driver;
    @Autowired Outbox outbox;
    @Autowired JdbcClient jdbc;
    @Autowired OutboxDispatcher dispatcher;

    @Test
    void administratorsSeeFailedMessagesAndSendThemAgain() throws Exception {
        String ref = driver.submit(Category.DELIVERY).reference();
        long id = outbox.of(driver.complaint(ref).id()).get(0).id();
        dispatcher.deliverDue();
        // As the dispatcher leaves a message after its last failed attempt:
        jdbc.sql("UPDATE notification SET status = 'FAILED', attempts = 8, last_error = 'SMTP down', "
                + "next_attempt_at = :later WHERE id = :id")
                .param("later", OffsetDateTime.now().plusDays(1)).param("id", id).update();

        mvc.perform(get("/admin/notifications").with(user("agent").roles("cs-agents")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/notifications").with(user("admin").roles("camunda-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(ref)))
                .andExpect(content().string(Matchers.containsString("SMTP down")));

        mvc.perform(post("/admin/notifications/" + id + "/retry").with(user("admin").roles("camunda-admin"))
                .with(csrf())).andExpect(status().is3xxRedirection());
        String state = jdbc.sql("SELECT status FROM notification WHERE id = :id").param("id", id)
                .query(String.class).single();
        assertThat(state).isIn("PENDING", "SENT");
    }
}
