package city.gridwhistle.web.demo;

/**
 * The demo city's accounts: one per rider and grid worker of the demo data (username = the id in lower case,
 * e.g. {@code r001}, {@code w010}), supervisors for the whole city and for two districts, and an administrator.
 * All share one password, printed in the README; they exist only where the demo city is loaded.
 */
public final class DemoAccounts {

    public static final String PASSWORD = "gridwhistle-demo";

    public record Staff(String username, String role, String subjectId, String displayName, String districtCode) {
    }

    public static final Staff[] STAFF = {
        new Staff("supervisor", "SUPERVISOR", "S001", "市指挥中心值班长", null),
        new Staff("jinjiang", "SUPERVISOR", "S002", "锦江区督查", "510104"),
        new Staff("longquanyi", "SUPERVISOR", "S003", "龙泉驿区督查", "510112"),
        new Staff("admin", "ADMIN", "A001", "平台管理员", null),
    };

    private DemoAccounts() {
    }
}
