package org.geopinn.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.concurrent.Callable;
import org.geopinn.api.sweep.RunOutcome;
import org.geopinn.api.sweep.RunPerformer;
import org.geopinn.api.sweep.RunRequest;

/** One sweep run as a task of the cluster's executor: performed by the host of the member it lands on. */
final class RunTask implements Callable<RunOutcome>, Serializable, HazelcastInstanceAware {
    private static final long serialVersionUID = 1L;

    private final RunRequest request;
    private transient HazelcastInstance instance;

    /** @param request the run */
    RunTask(RunRequest request) {
        this.request = request;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.instance = instance;
    }

    @Override
    public RunOutcome call() throws Exception {
        RunPerformer performer = instance == null ? null : Performers.of(instance.getName());
        if (performer == null) {
            throw new IllegalStateException("member " + (instance == null ? "?" : instance.getName()) + " is stopping and performs no runs");
        }
        RunOutcome o = performer.perform(request);
        // say where it ran in the cluster's terms: the member's address
        String where = instance.getCluster().getLocalMember().getAddress().toString();
        return new RunOutcome(o.key(), where, o.files(), o.state(), o.steps(), o.seconds(), o.loss(), o.relativeL2(), o.message());
    }
}
