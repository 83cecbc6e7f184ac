package vn.complaintdesk.duplicates;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.complaintdesk.security.CurrentStaff;

/** {@code POST /api/complaints/{reference}/merge-into/{target}}: 204; 403 not an agent; 404; 409. */
@RestController
public class MergeApiController {

    private final ComplaintMerger merger;

    public MergeApiController(ComplaintMerger merger) {
        this.merger = merger;
    }

    @PostMapping("/api/complaints/{reference}/merge-into/{target}")
    public ResponseEntity<Void> merge(@PathVariable String reference, @PathVariable String target,
            Authentication authentication) {
        merger.merge(reference, target, CurrentStaff.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
