package vn.complaintdesk.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.web.multipart.MultipartFile;

import vn.complaintdesk.intake.AttachmentUpload;
import vn.complaintdesk.web.FieldProblem;
import vn.complaintdesk.web.InvalidFieldsException;

/** Files a customer hands in, from a form (multipart) or JSON ({@code [{filename, contentBase64}]}). */
final class CustomerUploads {

    private CustomerUploads() {
    }

    /** The chosen files of a form; an empty file input sends one empty part, which is no file. */
    static List<AttachmentUpload> of(List<MultipartFile> files) {
        List<AttachmentUpload> uploads = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (!file.isEmpty()) {
                try {
                    uploads.add(new AttachmentUpload(file.getOriginalFilename(), file.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return uploads;
    }

    /** {@code attachments} of a JSON body; a malformed entry is refused naming it. */
    static List<AttachmentUpload> ofJson(Object attachments, String notAList, String notBase64) {
        if (attachments == null) {
            return List.of();
        }
        if (!(attachments instanceof List<?> entries)) {
            throw new InvalidFieldsException(List.of(new FieldProblem("attachments", notAList)));
        }
        List<AttachmentUpload> uploads = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry) || !(entry.get("contentBase64") instanceof String content)) {
                throw new InvalidFieldsException(List.of(new FieldProblem("attachments[" + i + "].contentBase64", notBase64)));
            }
            Object filename = entry.get("filename");
            try {
                uploads.add(new AttachmentUpload(filename == null ? null : filename.toString(),
                        Base64.getMimeDecoder().decode(content)));
            } catch (IllegalArgumentException malformed) {
                throw new InvalidFieldsException(List.of(new FieldProblem("attachments[" + i + "].contentBase64", notBase64)));
            }
        }
        return uploads;
    }
}
