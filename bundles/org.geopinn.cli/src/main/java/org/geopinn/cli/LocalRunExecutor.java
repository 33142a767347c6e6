package org.geopinn.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.geopinn.api.sweep.RunExecutor;
import org.geopinn.api.sweep.RunOutcome;
import org.geopinn.api.sweep.RunPerformer;
import org.geopinn.api.sweep.RunRequest;

/** Sweep runs on this machine: a pool of a few threads, each performing one run at a time. */
final class LocalRunExecutor implements RunExecutor, AutoCloseable {
    private final RunPerformer performer;
    private final int threads;
    private final ExecutorService pool;

    /**
     * @param performer performs a run on this host
     * @param threads runs at once
     */
    LocalRunExecutor(RunPerformer performer, int threads) {
        this.performer = performer;
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "geopinn-sweep-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String description() {
        return "this machine, " + threads + (threads == 1 ? " run" : " runs") + " at once";
    }

    @Override
    public CompletionStage<RunOutcome> submit(RunRequest request) {
        CompletableFuture<RunOutcome> f = new CompletableFuture<>();
        pool.execute(() -> {
            try {
                f.complete(performer.perform(request));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f.completeExceptionally(e);
            } catch (RuntimeException | LinkageError e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** Stops the runs still going (a sweep interrupted). */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
