package city.gridwhistle.web.pages;

import city.gridwhistle.web.problem.NotFoundException;
import city.gridwhistle.web.security.Accounts;
import city.gridwhistle.web.security.DeviceSessions;
import city.gridwhistle.web.security.GridUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The devices that stay signed in, as plain forms that work without script: a rider's own ({@code /rider/devices})
 * and any account's for administrators ({@code /admin/accounts/{username}/devices}). Signing a device out ends the
 * bearer tokens it bought too.
 */
@Controller
class DevicePages {

    private final DeviceSessions devices;
    private final Accounts accounts;

    DevicePages(DeviceSessions devices, Accounts accounts) {
        this.devices = devices;
        this.accounts = accounts;
    }

    @GetMapping("/rider/devices")
    String mine(@AuthenticationPrincipal GridUser me, Model model) {
        return page(model, me.username(), "/rider/devices", false);
    }

    @PostMapping("/rider/devices/{deviceId}/revoke")
    String revokeMine(@PathVariable String deviceId, @AuthenticationPrincipal GridUser me) {
        return devices.revoke(me.username(), deviceId) ? "redirect:/rider/devices?revoked"
                : "redirect:/rider/devices?missing";
    }

    @GetMapping("/admin/accounts/{username}/devices")
    String ofAccount(@PathVariable String username, Model model) {
        if (accounts.find(username).isEmpty()) {
            throw new NotFoundException("no such account");
        }
        return page(model, username, "/admin/accounts/" + username + "/devices", true);
    }

    @PostMapping("/admin/accounts/{username}/devices/{deviceId}/revoke")
    String revokeOfAccount(@PathVariable String username, @PathVariable String deviceId) {
        String back = "/admin/accounts/" + username + "/devices";
        return devices.revoke(username, deviceId) ? "redirect:" + back + "?revoked" : "redirect:" + back + "?missing";
    }

    private String page(Model model, String username, String base, boolean forAdministrator) {
        model.addAttribute("owner", username);
        model.addAttribute("devices", devices.listOf(username));
        model.addAttribute("base", base);
        model.addAttribute("forAdministrator", forAdministrator);
        return "account/devices";
    }
}
