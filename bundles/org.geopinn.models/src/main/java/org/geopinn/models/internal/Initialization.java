package org.geopinn.models.internal;

import java.util.Locale;
import java.util.Random;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.ParameterBlock;
import org.geopinn.api.model.ParameterLayout;

/**
 * How fresh parameters are drawn, block by block in layout order from one seeded generator.
 * <ul>
 * <li>{@code xavier} (alias {@code glorot}): weights N(0, 2/(fan_in + fan_out)) (Glorot normal),
 * biases 0;</li>
 * <li>{@code xavier-uniform}: weights U[−√(6/(fan_in + fan_out)), +√(…)], biases 0;</li>
 * <li>{@code normal}: weights and biases N(0, 0.1²), as in the ANaGRAM and ENGD reference code.</li>
 * </ul>
 * For a weight block, fan_in = cols and fan_out = rows.
 */
enum Initialization {
    /** Glorot normal. */
    XAVIER,
    /** Glorot uniform. */
    XAVIER_UNIFORM,
    /** N(0, 0.1²) everywhere. */
    NORMAL;

    /** The standard deviation of {@link #NORMAL}. */
    static final double NORMAL_STD = 0.1;

    /**
     * @param name xavier, glorot, xavier-uniform, glorot-uniform or normal (case-insensitive); null
     *        or blank means xavier
     * @return the scheme
     * @throws GeopinnException for an unknown name
     */
    static Initialization byName(String name) {
        String key = name == null || name.isBlank() ? "xavier" : name.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "xavier":
            case "glorot":
            case "xavier-normal":
            case "glorot-normal":
                return XAVIER;
            case "xavier-uniform":
            case "glorot-uniform":
                return XAVIER_UNIFORM;
            case "normal":
                return NORMAL;
            default:
                throw new GeopinnException("unknown initialization '" + name + "'; known: xavier (glorot), xavier-uniform, normal");
        }
    }

    /**
     * @param layout the parameter layout
     * @param seed the seed
     * @return fresh parameters
     */
    double[] draw(ParameterLayout layout, long seed) {
        Random random = new Random(seed);
        double[] theta = new double[layout.size()];
        for (ParameterBlock block : layout.blocks()) {
            boolean bias = block.kind() == ParameterBlock.Kind.BIAS;
            for (int p = block.offset(); p < block.offset() + block.size(); p++) {
                theta[p] = bias ? drawBias(random) : drawWeight(random, block.cols(), block.rows());
            }
        }
        return theta;
    }

    private double drawWeight(Random random, int fanIn, int fanOut) {
        switch (this) {
            case XAVIER:
                return Math.sqrt(2.0 / (fanIn + fanOut)) * random.nextGaussian();
            case XAVIER_UNIFORM:
                return Math.sqrt(6.0 / (fanIn + fanOut)) * (2.0 * random.nextDouble() - 1.0);
            default:
                return NORMAL_STD * random.nextGaussian();
        }
    }

    private double drawBias(Random random) {
        return this == NORMAL ? NORMAL_STD * random.nextGaussian() : 0.0;
    }
}
