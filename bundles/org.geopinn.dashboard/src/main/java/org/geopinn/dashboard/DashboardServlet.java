package org.geopinn.dashboard;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.TrainingService;

/**
 * The dashboard under {@code /geopinn/}: the page and its files, and the API the page uses —
 * {@code api/sessions} (JSON), {@code api/events?session=ID} (server-sent events),
 * {@code api/grid?session=ID} (heat map values) and {@code api/control} (POST with the token:
 * pause, resume, stop, swap). Any other path is 404, any other method 405.
 */
final class DashboardServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String STATIC = "/static/";
    /** Heat map grid points per axis: enough to see the shape, small enough to send every few seconds. */
    private static final int GRID_POINTS = 48;

    private final transient TrainingService training;
    private final transient Function<String, Optional<Problem>> problems;
    private final transient EventStream events;
    private final transient Controls controls;

    DashboardServlet(TrainingService training, Function<String, Optional<Problem>> problems, EventStream events, Controls controls) {
        this.training = training;
        this.problems = problems;
        this.events = events;
        this.controls = controls;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        securityHeaders(resp);
        if (path.isEmpty()) {
            resp.sendRedirect(req.getContextPath() + req.getServletPath() + "/" + (req.getQueryString() == null ? "" : "?" + req.getQueryString()));
        } else if (path.equals("/") || path.equals("/index.html")) {
            StaticFiles.serve("index.html", resp);
        } else if (path.startsWith(STATIC)) {
            StaticFiles.serve(path.substring(STATIC.length()), resp);
        } else if (path.equals("/api/sessions")) {
            json(resp, HttpServletResponse.SC_OK, JsonText.of(events.summaries()));
        } else if (path.equals("/api/events")) {
            events.stream(req.getParameter("session"), resp);
        } else if (path.equals("/api/grid")) {
            Optional<Session> s = session(req);
            if (s.isEmpty()) {
                json(resp, HttpServletResponse.SC_NOT_FOUND, JsonText.of(java.util.Map.of("error", "no session '" + req.getParameter("session") + "'")));
                return;
            }
            try {
                json(resp, HttpServletResponse.SC_OK, JsonText.of(HeatMaps.of(s.get(), problems.apply(s.get().spec().problemId()), GRID_POINTS)));
            } catch (GeopinnException | IllegalStateException e) {
                json(resp, HttpServletResponse.SC_CONFLICT, JsonText.of(java.util.Map.of("error", Controls.oneLine(e.getMessage()))));
            }
        } else {
            resp.sendError(path.equals("/api/control") ? HttpServletResponse.SC_METHOD_NOT_ALLOWED : HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        securityHeaders(resp);
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        if (!path.equals("/api/control")) {
            resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        Controls.Answer a = controls.handle(req.getHeader(Token.HEADER), req.getParameter("session"), req.getParameter("action"),
                req.getParameter("optimizer"));
        json(resp, a.status(), JsonText.of(a.body()));
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    private Optional<Session> session(HttpServletRequest req) {
        String id = req.getParameter("session");
        return id == null ? Optional.empty() : training.session(id);
    }

    private static void securityHeaders(HttpServletResponse resp) {
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
        resp.setHeader("Referrer-Policy", "no-referrer");
    }

    private static void json(HttpServletResponse resp, int status, String body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(body);
    }
}
