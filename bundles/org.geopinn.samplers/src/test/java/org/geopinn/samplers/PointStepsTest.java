package org.geopinn.samplers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.geopinn.api.GeopinnException;
import org.geopinn.linalg.DenseKernels;
import org.junit.jupiter.api.Test;

class PointStepsTest {
    private static final double[] LO = {0, 0};
    private static final double[] HI = {1, 2};

    @Test
    void aLongStepIsScaledToATenthOfTheBoxAsAWhole() {
        PointSteps steps = new PointSteps(LO, HI, x -> true);
        double[] x = {0.5, 1.0, 0.2, 0.4};
        // Coordinate-major: {x0 of point 0, x0 of point 1, x1 of point 0, x1 of point 1}. The largest move (x1 of
        // point 1: 0.8 against a limit of 0.2) scales the whole step by a quarter.
        double[] moved = steps.moved(x, new double[] {0.1, 0.0, 0.0, 0.8});
        assertArrayEquals(new double[] {0.525, 1.0, 0.2, 0.6}, moved, 1e-12);
    }

    @Test
    void pointsAreClampedIntoTheBoxAndKeptWhenTheyWouldLeaveTheDomain() {
        // The domain: the left half of the box. Point 0 would cross into the right half and stays; point 1 is clamped.
        PointSteps steps = new PointSteps(LO, HI, p -> p[0] <= 0.5);
        double[] x = {0.45, 1.0, 0.05, 0.1};
        double[] moved = steps.moved(x, new double[] {0.1, -0.1, 0.0, 0.0});
        assertArrayEquals(new double[] {0.45, 1.0, 0.0, 0.1}, moved, 1e-12);
    }

    @Test
    void aStepIsAcceptedOnlyWhenTheObjectiveFallsAndTheDampingAdapts() {
        // Objective: distance of one 1-D point from 0.3; the Gauss–Newton matrix is the identity, rhs the residual.
        PointSteps steps = new PointSteps(new double[] {0}, new double[] {1}, p -> true);
        Solves.Damped identity = new Solves.Damped(DenseKernels.ejml(), new double[] {1}, 1, 1);
        double[] x = {0.35};
        PointSteps.Accepted<Double> next = steps.step(x, identity, new double[] {-0.05}, 0.05, xt -> Math.abs(xt[0] - 0.3), v -> v);
        assertNotNull(next);
        assertTrue(next.state() < 0.05 && next.state() < 1e-3, "nearly the Gauss–Newton step: " + next.state());
        assertEquals(next.state(), Math.abs(next.points()[0] - 0.3), 0);
        // A step against an objective that never falls is refused after every damping, and the points stay.
        assertNull(steps.step(x, identity, new double[] {-0.05}, 0.05, xt -> 1.0, v -> v));
    }

    @Test
    void cornersOfDifferentDimensionAreAOneLineError() {
        GeopinnException e = assertThrows(GeopinnException.class, () -> new PointSteps(new double[] {0}, HI, p -> true));
        assertTrue(e.getMessage().contains("different dimension"), e.getMessage());
    }
}
