package vn.complaintdesk.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language switch of every page ({@code ${@languageLinks.to('en')}}): the same page with
 * {@code lang} replaced and its other parameters kept, so that a customer's tracking page keeps its
 * token. An error page links to the address that failed.
 */
@Component
public class LanguageLinks {

    public String to(String language) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        // One leading slash: a path of "//host" would otherwise become a link to another site.
        String path = "/" + (failed != null ? failed.toString() : request.getRequestURI()).replaceFirst("^/+", "");
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path)
                .query(failed != null ? null : request.getQueryString());
        return link.replaceQueryParam("lang", language).build().toUriString();
    }
}
