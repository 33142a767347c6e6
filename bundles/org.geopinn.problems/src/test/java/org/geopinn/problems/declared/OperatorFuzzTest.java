package org.geopinn.problems.declared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.geopinn.api.GeopinnException;
import org.geopinn.expr.Vocabulary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated operator texts and declarations, from a fixed seed: each gives a result or
 * one clear error (a {@link GeopinnException} on one line without an exception class name), never
 * a hang (each input runs in a future with a time limit), a stack overflow or another exception.
 * The mutations start from valid operators and the declaration of docs/PROBLEMS.md and include
 * the shapes that once hung or crashed the reader: long derivative suffixes over variables that
 * are prefixes of each other, deep parentheses, long runs of signs, huge exponents and numbers.
 */
class OperatorFuzzTest {
    private static final long SEED = 20_260_101L;
    private static final int OPERATORS = 3000;
    private static final int DECLARATIONS = 600;
    /** Generous for one input (they take microseconds to milliseconds), small enough to catch a hang. */
    private static final long LIMIT_MS = 2000;
    private static final Pattern CLASS_NAME = Pattern.compile("Exception|Error:|java\\.");

    private static final List<String> VALID = List.of("u_t - 0.25*u_xx", "-lap(u)", "u_xx + u_yy", "u", "u_x",
            "u_t + u*u_x - 0.00318*u_xx", "exp(-u)/(1 + u^2) - cos(x*y)*lap(u)", "u^3 - u + 2*x*u_xy",
            "sin(pi*x)*sin(pi*y)", "2*pi^2*sin(pi*x)*sin(pi*y)", "sqrt(1 + x^2)*u_x - tanh(u)", "u_x_y + 1e-3*u_yyy",
            "log(2 + x)*u_xxxx", "(u - 1)/(2 + sinh(y))", "cosh(x)^-2*u");
    private static final String[] TOKENS = {"u", "x", "xx", "y", "t", "u_", "_x", "_xx", "q", "(", ")", "+", "-", "*", "/", "^",
        "lap(", "sin(", "exp(", "log(", "sqrt(", "pi", "e", "1e308", "1e999", "0", ".", "1.5", "2", " ", "_", ",", "$", "é"};

    private static ExecutorService worker;

    @BeforeAll
    static void start() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stop() {
        worker.shutdownNow();
    }

    @Test
    void operatorTextsGiveAResultOrOneClearError() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        Vocabulary[] vocabularies = {new Vocabulary(List.of("t", "x", "y"), List.of("u")),
            new Vocabulary(List.of("x", "xx", "y"), List.of("u", "uu"))};
        for (int i = 0; i < OPERATORS; i++) {
            String text = i % 3 == 0 ? randomText(random) : mutate(VALID.get(random.nextInt(VALID.size())), random);
            Vocabulary v = vocabularies[i % 2];
            run("operator #" + i, text, () -> v.parse(text));
        }
    }

    @Test
    void declarationsGiveAProblemOrOneClearError() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        List<String> keys = new ArrayList<>(ProblemDeclarationTest.poisson().keySet());
        keys.removeIf(k -> k.startsWith("service.") || k.startsWith("felix."));
        keys.add("part.left");
        for (int i = 0; i < DECLARATIONS; i++) {
            Map<String, Object> m = new LinkedHashMap<>(ProblemDeclarationTest.poisson());
            int changes = 1 + random.nextInt(3);
            StringBuilder what = new StringBuilder();
            for (int c = 0; c < changes; c++) {
                String key = keys.get(random.nextInt(keys.size()));
                Object old = m.get(key);
                String value = old == null || random.nextInt(4) == 0 ? randomText(random) : mutate(old.toString(), random);
                m.put(key, value);
                what.append(key).append('=').append(value).append("; ");
            }
            run("declaration #" + i, what.toString(), () -> ProblemDeclaration.parse(m, "fuzz.cfg"));
        }
    }

    private static void run(String name, String input, Runnable work) throws InterruptedException {
        Future<Throwable> f = worker.submit(() -> {
            try {
                work.run();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Throwable t;
        try {
            t = f.get(LIMIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = Executors.newSingleThreadExecutor();
            fail(name + " did not finish within " + LIMIT_MS + " ms: " + shorten(input));
            return;
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        }
        if (t == null) {
            return;
        }
        if (!(t instanceof GeopinnException)) {
            throw new AssertionError(name + " threw " + t + " for " + shorten(input), t);
        }
        String msg = t.getMessage();
        assertFalse(msg == null || msg.isBlank(), name + ": empty message");
        assertFalse(msg.contains("\n") || msg.contains("\r"), name + ": more than one line: " + shorten(msg));
        assertFalse(CLASS_NAME.matcher(msg).find(), name + ": an exception class in the message: " + shorten(msg));
        assertTrue(msg.length() < 2000, name + ": a message of " + msg.length() + " characters: " + shorten(msg));
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(40);
        for (int k = 0; k < n; k++) {
            b.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return b.toString();
    }

    /** One to three edits of a text: insert, delete, replace, or repeat a token or a stretch many times. */
    private static String mutate(String text, SplittableRandom random) {
        StringBuilder b = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int k = 0; k < edits; k++) {
            int at = b.length() == 0 ? 0 : random.nextInt(b.length() + 1);
            switch (random.nextInt(6)) {
                case 0 -> b.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 1 -> {
                    if (b.length() > 0) {
                        b.deleteCharAt(Math.min(at, b.length() - 1));
                    }
                }
                case 2 -> b.insert(at, TOKENS[random.nextInt(TOKENS.length)].repeat(1 + random.nextInt(3000)));
                case 3 -> {
                    int end = Math.min(b.length(), at + random.nextInt(8));
                    b.insert(at, b.substring(at, end).repeat(1 + random.nextInt(50)));
                }
                case 4 -> b.insert(at, "(".repeat(random.nextInt(600))).append(")".repeat(random.nextInt(600)));
                default -> b.insert(at, "u_" + "x".repeat(random.nextInt(80)) + (random.nextBoolean() ? "q" : ""));
            }
        }
        return b.toString();
    }

    private static String shorten(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "… (" + s.length() + " characters)";
    }
}
