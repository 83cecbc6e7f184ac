package vn.complaintdesk.duplicates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.complaintdesk.apidocs.ApiDocumentation;
import vn.complaintdesk.security.CurrentStaff;

/** {@code POST /api/complaints/{reference}/merge-into/{target}}: 204; 403 not an agent; 404; 409. */
@RestController
@Tag(name = ApiDocumentation.TAG_COMPLAINTS)
public class MergeApiController {

    private final ComplaintMerger merger;

    public MergeApiController(ComplaintMerger merger) {
        this.merger = merger;
    }

    @Operation(summary = "Merge a duplicate into another complaint", description = """
            cs-agents only. The source's procedure ends (reason `merged into KN-…`), it becomes `CLOSED`, and both \
            log books get a `MERGED` entry; the target goes on where it was.""")
    @ApiResponse(responseCode = "204", description = "Merged")
    @ApiResponse(responseCode = "403", description = "Not a cs-agent, or a session write without the CSRF token")
    @ApiResponse(responseCode = "404", description = "Unknown source or target")
    @ApiResponse(responseCode = "409", description = "Into itself, into a merged or ended complaint, or the source is "
            + "already merged or ended")
    @PostMapping("/api/complaints/{reference}/merge-into/{target}")
    public ResponseEntity<Void> merge(@PathVariable String reference, @PathVariable String target,
            Authentication authentication) {
        merger.merge(reference, target, CurrentStaff.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
