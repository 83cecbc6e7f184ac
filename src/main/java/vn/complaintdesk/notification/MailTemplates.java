package vn.complaintdesk.notification;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a message in the recipient's language: subject from {@code mail_xx.properties}
 * ({@code mail.<TYPE>.subject}, or {@code mail.<TYPE>.<variant>.subject}), the HTML part from
 * {@code templates/mail/<TYPE>.html} (all in {@code mail/layout.html}) and the plain-text part from
 * {@code templates/mail/<TYPE>.txt}.
 *
 * <p>The template engine is private to this class (not a bean): a second {@code ITemplateEngine} bean
 * would switch off Spring Boot's engine for the web pages.
 */
@Component
public class MailTemplates {

    public record RenderedMail(String subject, String text, String html) {
    }

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;

    public MailTemplates(MessageSource messages) {
        this.messages = messages;
        engine.addTemplateResolver(resolver("mail/*.html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver("mail/*.txt", TemplateMode.TEXT, 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    /** {@code model} must hold {@code reference}; a {@code variant} picks a variant subject. */
    public RenderedMail render(NotificationType type, Locale locale, Map<String, Object> model) {
        Map<String, Object> variables = new HashMap<>(model);
        String subject = subject(type, locale, model);
        variables.put("mailSubject", subject);
        Context context = new Context(locale, variables);
        String html = engine.process("mail/" + type + ".html", context);
        String text = engine.process("mail/" + type + ".txt", context);
        return new RenderedMail(subject, tidy(text), html);
    }

    /** The text templates' control lines leave blank lines behind: at most one empty line in a row. */
    static String tidy(String text) {
        return text.replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    private String subject(NotificationType type, Locale locale, Map<String, Object> model) {
        Object[] args = type == NotificationType.ESCALATION_ALERT
                ? new Object[] {model.get("reference"),
                        messages.getMessage("mail.deadline." + model.get("deadline"), null,
                                String.valueOf(model.get("deadline")), locale),
                        messages.getMessage("mail.level." + model.get("level"), null,
                                String.valueOf(model.get("level")), locale)}
                : new Object[] {model.get("reference")};
        Object variant = model.get("variant");
        String key = "mail." + type + (variant == null ? "" : "." + variant) + ".subject";
        return messages.getMessage(key, args, locale);
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }
}
