package city.gridwhistle.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** A line chart as a PNG, drawn with Java2D: enough for latency over time and throughput vs concurrency. */
final class Plot {

    record Series(String name, double[] x, double[] y) {
    }

    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b)};

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private boolean logX;

    Plot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    Plot logX() {
        logX = true;
        return this;
    }

    Plot add(String name, double[] x, double[] y) {
        series.add(new Series(name, x, y));
        return this;
    }

    void write(Path file) throws IOException {
        int w = 900, h = 500, left = 90, right = 30, top = 50, bottom = 60;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = 0;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.y()[i])) {
                    minX = Math.min(minX, tx(s.x()[i]));
                    maxX = Math.max(maxX, tx(s.x()[i]));
                    maxY = Math.max(maxY, s.y()[i]);
                }
            }
        }
        if (maxX <= minX) {
            maxX = minX + 1;
        }
        maxY = niceCeiling(maxY <= 0 ? 1 : maxY * 1.05);
        int pw = w - left - right, ph = h - top - bottom;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, left, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 5; i++) {
            int y = top + ph - i * ph / 5;
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(left, y, left + pw, y);
            g.setColor(Color.DARK_GRAY);
            String label = format(maxY * i / 5);
            g.drawString(label, left - 6 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        // a log axis gets a tick per power of two, a linear one six even steps
        int ticks = logX ? (int) Math.round(maxX - minX) : 6;
        for (int i = 0; i <= ticks; i++) {
            double v = minX + (maxX - minX) * i / Math.max(ticks, 1);
            int x = left + (int) ((v - minX) / (maxX - minX) * pw);
            g.drawString(format(logX ? Math.rint(Math.pow(2, v)) : v), x - 8, top + ph + 18);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, pw, ph);
        g.drawString(xLabel, left + pw / 2 - 40, h - 15);
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(top + ph / 2 + 40), 16);
        g.rotate(Math.PI / 2);
        g.setStroke(new BasicStroke(2f));
        int legendY = top + 18;
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            g.setColor(COLORS[k % COLORS.length]);
            int px = -1, py = -1;
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.y()[i])) {
                    continue;
                }
                int x = left + (int) ((tx(s.x()[i]) - minX) / (maxX - minX) * pw);
                int y = top + ph - (int) (s.y()[i] / maxY * ph);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                g.fillOval(x - 3, y - 3, 6, 6);
                px = x;
                py = y;
            }
            g.drawLine(left + pw - 200, legendY - 4, left + pw - 180, legendY - 4);
            g.drawString(s.name(), left + pw - 175, legendY);
            legendY += 16;
        }
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private double tx(double x) {
        return logX ? Math.log(x) / Math.log(2) : x;
    }

    private static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double v) {
        return v >= 100 || v == Math.rint(v) ? String.format("%.0f", v) : String.format("%.2f", v);
    }
}
