package org.geopinn.optimizer.soap;

/**
 * The settings of one SOAP instance (see {@link SoapConfig}).
 *
 * @param lr learning rate
 * @param beta1 first-moment decay
 * @param beta2 second-moment decay
 * @param shampooBeta Kronecker-factor decay
 * @param eps denominator offset
 * @param weightDecay decoupled weight decay
 * @param preconditionFrequency steps between basis refreshes
 * @param maxPreconditionDim largest preconditioned side
 */
record SoapSettings(double lr, double beta1, double beta2, double shampooBeta, double eps, double weightDecay,
        int preconditionFrequency, int maxPreconditionDim) {
}
