package org.geopinn.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Map;

/**
 * The page's files: a fixed list of names inside this bundle's {@code dashboard/} folder, nothing
 * else (no directory listing, no path from the request reaches the class loader).
 */
final class StaticFiles {
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "dashboard.js", "text/javascript; charset=utf-8",
            "dashboard.css", "text/css; charset=utf-8",
            "uPlot.iife.min.js", "text/javascript; charset=utf-8",
            "uPlot.min.css", "text/css; charset=utf-8",
            "LICENSE-uPlot.txt", "text/plain; charset=utf-8");

    private StaticFiles() {
    }

    /**
     * @param name a file name from the request
     * @param response receives the file, or 404 when the name is not one of the page's files
     * @throws IOException when the answer cannot be written
     */
    static void serve(String name, HttpServletResponse response) throws IOException {
        String type = TYPES.get(name);
        URL url = type == null ? null : StaticFiles.class.getClassLoader().getResource("dashboard/" + name);
        if (url == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(type);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (InputStream in = url.openStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
