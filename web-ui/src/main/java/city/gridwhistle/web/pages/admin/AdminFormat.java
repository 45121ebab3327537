package city.gridwhistle.web.pages.admin;

import city.gridwhistle.api.shared.TimeLimit;
import city.gridwhistle.api.shared.Urgency;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The values of a category change in the reader's language: "2 working hours", "urgent", "yes". */
@Component("adminFmt")
class AdminFormat {

    private final MessageSource messages;

    AdminFormat(MessageSource messages) {
        this.messages = messages;
    }

    public String value(Object value) {
        return switch (value) {
            case null -> "";
            case TimeLimit limit -> message("admin.unit." + limit.unit(), limit.amount());
            case Urgency urgency -> message("urgency." + urgency);
            case Boolean yes -> message(yes ? "admin.yes" : "admin.no");
            default -> value.toString();
        };
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
