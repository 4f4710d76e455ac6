package ai.agentlens.core.archfixture.crowded;

/** One of 21 classes of a package that breaks CORE_PACKAGES_STAY_SMALL. */
public class Crowded11 {}
