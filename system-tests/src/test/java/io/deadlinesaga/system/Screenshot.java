package io.deadlinesaga.system;

import java.awt.image.BufferedImage;

/** A page as Chromium drew it: whether a colour shows, and how much of it. */
record Screenshot(BufferedImage image) {

    int width() {
        return image.getWidth();
    }

    /** How many pixels are of about that colour (0xRRGGBB), antialiasing aside. */
    long pixelsNear(int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (close(image.getRGB(x, y), rgb)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean close(int a, int b) {
        return Math.abs((a >> 16 & 0xff) - (b >> 16 & 0xff)) < 12 && Math.abs((a >> 8 & 0xff) - (b >> 8 & 0xff)) < 12
                && Math.abs((a & 0xff) - (b & 0xff)) < 12;
    }
}
