package vn.complaintdesk.portal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.complaintdesk.letters.LetterheadProperties;

/** The company's hotline and e-mail for every page, the error pages included, so no page is a dead end. */
@ControllerAdvice
public class PublicPageModel {

    private final LetterheadProperties letterhead;

    public PublicPageModel(LetterheadProperties letterhead) {
        this.letterhead = letterhead;
    }

    @ModelAttribute("letterhead")
    public LetterheadProperties letterhead() {
        return letterhead;
    }
}
