package vn.complaintdesk.complaint;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;

/** Notes stay inside the desk: staff see them in the log book, the customer never does. */
@DeskTest
class InternalNotesTest {

    private static final String NOTE = "Khách gọi lại lần 3, giọng rất bực — ưu tiên xử lý";

    @Autowired MockMvc mvc;
    @Autowired ProcessDriver driver;

    @Test
    void aStaffNoteIsInTheLogBookButNeverOnTheCustomersSide() throws Exception {
        var answer = driver.submit(Category.DELIVERY);
        String ref = answer.reference();
        mvc.perform(multipart("/complaints/" + ref + "/notes")
                        .file(new MockMultipartFile("attachment", "ghi-am.txt", "text/plain",
                                "Nội dung cuộc gọi".getBytes(StandardCharsets.UTF_8)))
                        .param("body", NOTE).with(user("agent").roles("cs-agents")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "note.added"));

        mvc.perform(get("/api/complaints/" + ref).with(user("auditor").roles("auditors")))
                .andExpect(jsonPath("$.events[?(@.type == 'NOTE')].detail", Matchers.hasItem(Matchers.startsWith(NOTE))))
                .andExpect(jsonPath("$.events[?(@.type == 'NOTE')].actor", Matchers.hasItem("agent")));
        mvc.perform(get("/api/track/" + ref).param("token", answer.trackingToken()))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.not(Matchers.containsString(NOTE))));
        mvc.perform(get("/track/" + ref).param("token", answer.trackingToken()))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.not(Matchers.containsString(NOTE))));
    }

    @Test
    void auditorsReadButDoNotWriteNotes() throws Exception {
        String ref = driver.submit(Category.DELIVERY).reference();
        mvc.perform(multipart("/complaints/" + ref + "/notes").param("body", "x")
                .with(user("auditor").roles("auditors")).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void anEmptyNoteIsRefused() throws Exception {
        String ref = driver.submit(Category.DELIVERY).reference();
        mvc.perform(multipart("/complaints/" + ref + "/notes").param("body", "  ")
                        .with(user("agent").roles("cs-agents")).with(csrf()))
                .andExpect(flash().attributeExists("eventErrors"));
    }
}
