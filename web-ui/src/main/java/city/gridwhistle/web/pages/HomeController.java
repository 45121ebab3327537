package city.gridwhistle.web.pages;

import city.gridwhistle.web.security.GridUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, and the start page of each kind of user. */
@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal GridUser me) {
        return switch (me.role()) {
            case RIDER -> "redirect:/rider";
            case GRID_WORKER -> "redirect:/worker";
            case SUPERVISOR -> "redirect:/supervisor";
            case ADMIN -> "redirect:/admin";
            case PARTNER, SYSTEM -> "redirect:/swagger-ui.html";
        };
    }
}
