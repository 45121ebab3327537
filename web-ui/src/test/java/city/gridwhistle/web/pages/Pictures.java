package city.gridwhistle.web.pages;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real, decodable photos for the tests: a phone's camera would give a JPEG, a PNG does as well. */
public final class Pictures {

    private Pictures() {
    }

    public static byte[] png(Color colour) {
        return encode(picture(colour), "png");
    }

    public static byte[] jpeg(Color colour) {
        return encode(picture(colour), "jpeg");
    }

    private static BufferedImage picture(Color colour) {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.BLACK);
        g.fillOval(110, 70, 100, 100);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
