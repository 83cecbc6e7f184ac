package vn.complaintdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.intake.Attachments;
import vn.complaintdesk.intake.IntakeAnswer;
import vn.complaintdesk.support.DeskTest;

/** Files on the public complaint form: kept when allowed, refused with a clear message otherwise. */
@DeskTest
class PortalAttachmentsTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @Autowired MockMvc mvc;
    @Autowired Attachments attachments;
    @Autowired ComplaintRepository complaints;

    @Test
    void aPdfAndATextFileAreKeptWithTheComplaintAndStaffCanDownloadThem() throws Exception {
        MvcResult result = mvc.perform(form(new MockMultipartFile("attachments", "sao-kê.pdf", "application/pdf", PDF),
                        new MockMultipartFile("attachments", "ghi chú.txt", "text/plain",
                                "Mã giao dịch GD-778".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().is3xxRedirection()).andReturn();
        IntakeAnswer answer = (IntakeAnswer) result.getFlashMap().get("answer");
        var stored = attachments.of(complaints.require(answer.reference()).id());
        assertThat(stored).extracting(Attachments.Attachment::filename).containsExactly("sao-kê.pdf", "ghi chú.txt");
        assertThat(stored).extracting(Attachments.Attachment::contentType)
                .containsExactly("application/pdf", "text/plain;charset=UTF-8");

        mvc.perform(get("/complaints/" + answer.reference() + "/attachments/" + stored.get(0).id())
                        .with(user("agent").roles("cs-agents")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(content().bytes(PDF));
        mvc.perform(get("/complaints/" + answer.reference() + "/attachments/" + stored.get(0).id()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aProgramDisguisedAsAPdfIsRefused() throws Exception {
        byte[] exe = new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        mvc.perform(form(new MockMultipartFile("attachments", "hoa-don.pdf", "application/pdf", exe)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"error-attachments\"")))
                .andExpect(content().string(Matchers.containsString("hoa-don.pdf")));
    }

    @Test
    void aFileOverTheLimitIsRefusedWithItsName() throws Exception {
        byte[] big = Arrays.copyOf(PDF, 6 * 1024 * 1024);
        mvc.perform(form(new MockMultipartFile("attachments", "anh-chup.pdf", "application/pdf", big)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("anh-chup.pdf")))
                .andExpect(content().string(Matchers.containsString("5 MB")));
    }

    @Test
    void moreThanFiveFilesAreRefused() throws Exception {
        MockMultipartFile[] six = new MockMultipartFile[6];
        for (int i = 0; i < 6; i++) {
            six[i] = new MockMultipartFile("attachments", "f" + i + ".pdf", "application/pdf", PDF);
        }
        mvc.perform(form(six))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"error-attachments\"")));
    }

    private static MockMultipartHttpServletRequestBuilder form(MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder request = multipart("/complaint");
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        return (MockMultipartHttpServletRequestBuilder) request
                .param("category", "PAYMENT_DELAY").param("subject", "Rút tiền chưa về")
                .param("description", "Lệnh rút chưa về tài khoản.")
                .param("incidentDate", LocalDate.now().minusDays(1).toString())
                .param("customer.name", "Ngô Thị Lan").param("customer.email", "lan@example.vn")
                .with(csrf());
    }
}
