package org.geopinn.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.operator.ResidualSystem;

/**
 * Whether a condition's fit holds between its collocation points: the check a renewal round of a
 * linear problem trained by {@code lm} alone makes before it moves the points. The mean squared residual on the round's fresh
 * candidates is compared with the one at the condition's current points; only a condition whose
 * residual between the points is more than {@link #OVERFIT_RATIO} times the one at them is renewed.
 * <p>
 * Why: damped Gauss–Newton can fit a fixed point set much better than the solution between the
 * points (a 2-D Helmholtz solution of four periods: loss still falling, relative error stuck at
 * 3e-4), and a renewal fixes that; but where the fit does hold between the points, a renewal only
 * throws a fitted set away (the 1-D wave: 1.2e-4 renewed every 50 steps against 2.1e-5 on fixed
 * points in 120 s, and with this check 2.6e-5; docs/STRATEGY.md, "Renewal where the fit does not hold between the points"). A
 * least-squares fit of P effective parameters to S points has an expected ratio of about
 * (S + P)/(S − P) — 3.7 at S = 1800, P = 921, measured 2.3–3.9 — so ten times is above what fitting
 * itself causes.
 * <p>
 * The residuals are read from a second residual system of the same engine, problem and model (the
 * probe), so that keeping the points leaves the session's system, its revision, weights and row
 * weights untouched.
 */
final class HeldOutFit {
    /** The held-out over fitted mean squared residual above which a condition's points are renewed. */
    static final double OVERFIT_RATIO = 10;
    private final LossScaling scaling;
    private TrainingRig probeRig;
    private ResidualSystem probe;

    /** @param scaling the session's loss scaling, for the probe system */
    HeldOutFit(LossScaling scaling) {
        this.scaling = scaling;
    }

    /**
     * @param rig what the session trains with
     * @param theta the current parameters (not modified)
     * @param group the condition's name
     * @param fresh fresh candidate points of the condition, row-major (not modified)
     * @param dimension the number of variables
     * @return the mean squared residual on the candidates over the one at the current points:
     *         +∞ when the current points are fitted exactly and the candidates are not, 1 when both are
     */
    double ratio(TrainingRig rig, double[] theta, String group, double[] fresh, int dimension) {
        double[] current = rig.system.points(group);
        double[] r = CandidateResiduals.at(probe(rig), theta, group, CandidateResiduals.currentThenFresh(current, fresh));
        int fitted = current.length / dimension;
        double atPoints = 0;
        double between = 0;
        for (int i = 0; i < r.length; i++) {
            if (i < fitted) {
                atPoints += r[i] * r[i];
            } else {
                between += r[i] * r[i];
            }
        }
        atPoints /= Math.max(1, fitted);
        between /= Math.max(1, r.length - fitted);
        if (atPoints == 0) {
            return between == 0 ? 1 : Double.POSITIVE_INFINITY;
        }
        return between / atPoints;
    }

    /**
     * @param ratio a {@link #ratio}
     * @return whether the condition's points should be renewed: its residual between the points is
     *         more than {@link #OVERFIT_RATIO} times the one at them
     */
    static boolean overfitted(double ratio) {
        return ratio > OVERFIT_RATIO;
    }

    /** The probe system, built on first use and again after the rig was rebuilt (a service came back). */
    private ResidualSystem probe(TrainingRig rig) {
        if (probeRig != rig) {
            Map<String, double[]> points = new LinkedHashMap<>();
            for (ResidualGroup g : rig.system.groups()) {
                points.put(g.name(), rig.system.points(g.name()));
            }
            probe = rig.engine.build(rig.problem, rig.model, points, scaling);
            probeRig = rig;
        }
        return probe;
    }
}
