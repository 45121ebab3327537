package city.gridwhistle.web.pages;

import city.gridwhistle.web.security.GridUser;
import city.gridwhistle.web.security.PasswordRejectedException;
import city.gridwhistle.web.security.Passwords;
import city.gridwhistle.web.security.SignInThrottledException;
import city.gridwhistle.web.security.WrongPasswordException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Everyone's own password, as a plain form that works without script: the current one and a new one. After an
 * administrator's reset it is the only page its owner can open. This session goes on; every other session and
 * token of the account ends.
 */
@Controller
@RequestMapping("/account/password")
class AccountPages {

    private final Passwords passwords;

    AccountPages(Passwords passwords) {
        this.passwords = passwords;
    }

    @GetMapping
    String form() {
        return "account/password";
    }

    @PostMapping
    String change(@RequestParam(defaultValue = "") String currentPassword,
                  @RequestParam(defaultValue = "") String newPassword, @AuthenticationPrincipal GridUser me,
                  HttpServletRequest request, Model model) {
        try {
            long version = passwords.change(me.username(), request.getRemoteAddr(), currentPassword, newPassword,
                    null);
            Passwords.keepThisSession(request, version);
            return "redirect:/account/password?changed";
        } catch (WrongPasswordException e) {
            model.addAttribute("problemField", "currentPassword");
            model.addAttribute("problemKey", "account.password.wrong");
        } catch (PasswordRejectedException e) {
            model.addAttribute("problemField", e.field());
            model.addAttribute("problemKey", "account.password.rule." + e.rule());
        } catch (SignInThrottledException e) {
            model.addAttribute("problemField", "currentPassword");
            model.addAttribute("problemKey", "account.password.throttled");
        }
        return "account/password";
    }
}
