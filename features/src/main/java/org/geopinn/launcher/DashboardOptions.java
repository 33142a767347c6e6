package org.geopinn.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The launcher's dashboard options, taken out of the command line before the host starts:
 * {@code --dashboard} (add the dashboard feature to a command such as {@code solve}; the
 * interactive host always has it), {@code --dashboard-address HOST} (listen elsewhere than
 * 127.0.0.1: an explicit choice), {@code --dashboard-port N} and {@code --dashboard-token TEXT}.
 * Any of the last three implies {@code --dashboard}.
 */
final class DashboardOptions {
    /** The feature holding the HTTP server and the dashboard bundle. */
    static final String FEATURE = "dashboard";
    /** The port the dashboard feature names; another free one is taken when it is in use. */
    static final int DEFAULT_PORT = 8090;

    private boolean wanted;
    private String address;
    private Integer port;
    private String token;

    /**
     * @param args the command line
     * @param options receives the dashboard options found
     * @return the command line without them
     * @throws LaunchException for an option without a value or a bad port
     */
    static List<String> extract(List<String> args, DashboardOptions options) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            switch (name) {
                case "--dashboard":
                    if (a.contains("=")) {
                        throw new LaunchException("--dashboard takes no value; use --dashboard-address HOST or --dashboard-port N");
                    }
                    options.wanted = true;
                    break;
                case "--dashboard-address":
                case "--dashboard-port":
                case "--dashboard-token":
                    String value;
                    if (a.contains("=")) {
                        value = a.substring(a.indexOf('=') + 1);
                    } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                        value = args.get(++i);
                    } else {
                        value = "";
                    }
                    if (value.isBlank()) {
                        throw new LaunchException(name + " needs a value");
                    }
                    options.set(name, value.trim());
                    break;
                default:
                    rest.add(a);
            }
        }
        return rest;
    }

    private void set(String name, String value) {
        wanted = true;
        switch (name) {
            case "--dashboard-address":
                address = value;
                break;
            case "--dashboard-port":
                try {
                    port = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 1 || port > 65535) {
                    throw new LaunchException("--dashboard-port " + value + ": a port from 1 to 65535");
                }
                break;
            default:
                token = value;
        }
    }

    /** @return whether a dashboard option was given */
    boolean wanted() {
        return wanted;
    }

    /** @return the framework properties that override the dashboard feature's defaults */
    Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        if (address != null) {
            p.put("org.apache.felix.http.host", address);
        }
        p.put("org.osgi.service.http.port", Integer.toString(port != null ? port : freePort(address == null ? "127.0.0.1" : address)));
        if (token != null) {
            p.put("geopinn.dashboard.token", token);
        }
        return p;
    }

    /** The default port when it is free there, else one the system hands out (a second host beside a first). */
    private static int freePort(String host) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(host), DEFAULT_PORT));
            return DEFAULT_PORT;
        } catch (IOException inUse) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
                return s.getLocalPort();
            } catch (IOException e) {
                return DEFAULT_PORT; // the HTTP bundle reports why it cannot listen
            }
        }
    }
}
