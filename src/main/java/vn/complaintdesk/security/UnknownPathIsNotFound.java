package vn.complaintdesk.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * A visitor without login who asks for an address none of our pages answers gets the public 404
 * page, not the staff login: a customer who mistyped a link must not land on a page that is not for
 * them. A staff page (any address a controller answers) still sends them to the login.
 */
public class UnknownPathIsNotFound implements AuthenticationEntryPoint {

    private final RequestMappingHandlerMapping pages;
    private final AuthenticationEntryPoint login;

    public UnknownPathIsNotFound(RequestMappingHandlerMapping pages, AuthenticationEntryPoint login) {
        this.pages = pages;
        this.login = login;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failed)
            throws IOException, ServletException {
        if (answeredByAPage(request)) {
            login.commence(request, response, failed);
        } else {
            response.sendError(HttpStatus.NOT_FOUND.value());
        }
    }

    private boolean answeredByAPage(HttpServletRequest request) {
        Object parsedBefore = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        ServletRequestPathUtils.parseAndCache(request);
        try {
            return pages.getHandler(request) != null;
        } catch (Exception pathKnownOtherwise) {
            // e.g. a page that exists for another method: not an unknown address
            return true;
        } finally {
            if (parsedBefore == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            } else {
                request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsedBefore);
            }
        }
    }
}
