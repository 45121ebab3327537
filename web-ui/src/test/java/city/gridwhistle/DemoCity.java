package city.gridwhistle;

/** Places in the demo city (gridwhistle/demo/grids.geojson) whose cell and workers the tests know. */
public final class DemoCity {

    /** Inside 粮丰社区02网格, where W001 and W002 are on duty. */
    public static final double[] LIANGFENG_02 = {30.610096, 104.127508};
    public static final String LIANGFENG_02_CELL = "51010400100102";

    /** Inside 书房社区05网格, where only W010 is on duty. */
    public static final double[] SHUFANG_05 = {30.595988, 104.261995};
    public static final String SHUFANG_05_CELL = "51011200100105";

    /** Inside 粮丰社区12网格, where nobody is on duty. */
    public static final double[] LIANGFENG_12 = {30.611885, 104.129584};
    public static final String LIANGFENG_12_CELL = "51010400100112";

    /** In the Pacific, far from every cell. */
    public static final double[] NOWHERE = {20.0, 150.0};

    private DemoCity() {
    }
}
