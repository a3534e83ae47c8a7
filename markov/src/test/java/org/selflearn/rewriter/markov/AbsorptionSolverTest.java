package org.selflearn.rewriter.markov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AbsorptionSolverTest {
  private static final long SEED = 20261122L;

  @Test
  void exactAndIterativeAgreeWithADenseReferenceAndRowsSumToOne() {
    SplittableRandom rng = new SplittableRandom(SEED);
    DenseLuSolver exact = new DenseLuSolver();
    GaussSeidelSolver iterative = new GaussSeidelSolver(1e-12, 100_000);
    for (int trial = 0; trial < 200; trial++) {
      ChainSet set = RandomChains.random(rng, 1 + rng.nextInt(25), rng.nextDouble() * 0.4).build(0.5);
      for (AbsorbingChain c : set.chains()) {
        double[][] ref = RandomChains.denseReference(c);
        Absorption e = exact.solve(c);
        Absorption it = iterative.solve(c);
        for (int i = 0; i < c.size(); i++) {
          assertThat(e.success()[i] + e.failure()[i]).as("row sum").isCloseTo(1.0, within(1e-9));
          assertThat(e.success()[i]).isCloseTo(ref[i][0], within(1e-9));
          assertThat(it.success()[i]).isCloseTo(ref[i][0], within(1e-8));
          assertThat(it.failure()[i]).isCloseTo(ref[i][1], within(1e-8));
          assertThat(e.success()[i]).isBetween(-1e-12, 1 + 1e-12);
        }
      }
    }
  }

  @Test
  void groupsAreConnectedComponentsAndChainSolverCoversEveryState() {
    ChainBuilder b = new ChainBuilder();
    int a = b.state("a");
    int c = b.state("c");
    int d = b.state("d");
    int e = b.state("e");
    b.addTransition(a, c, 3);
    b.addTransition(c, a, 1); // a cycle
    b.addSuccess(c, 2);
    b.addSuccess(d, 1);
    b.addTransition(e, e, 4); // self-loop
    b.addFailure(e, 1);
    ChainSet set = b.build(0);
    assertThat(set.chains()).hasSize(3);
    double[] p = new ChainSolver(1, 1e-12, 10_000).successProbabilities(set); // force the iterative path
    double[] q = new ChainSolver(100, 1e-12, 10_000).successProbabilities(set);
    assertThat(p).containsExactly(q, within(1e-9));
    assertThat(q[d]).isEqualTo(1.0);
    assertThat(q[e]).isEqualTo(0.0);
    // a → c w.p. 1; c → a w.p. 1/3, SUCCESS w.p. 2/3: both end in SUCCESS for sure
    assertThat(q[a]).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void aChainThatCannotAbsorbIsRejectedNamingItsStates() {
    ChainBuilder b = new ChainBuilder();
    int x = b.state("loop one");
    int y = b.state("loop two");
    b.addTransition(x, y, 1);
    b.addTransition(y, x, 1);
    ChainSet set = b.build(0);
    assertThatThrownBy(() -> new DenseLuSolver().solve(set.chains().get(0)))
        .isInstanceOf(NonAbsorbingChainException.class).hasMessageContaining("loop one")
        .hasMessageContaining("loop two");
  }

  @Test
  void theIterativeSolverReportsItsResidualWhenCapped() {
    ChainBuilder b = new ChainBuilder();
    int x = b.state("x");
    b.addTransition(x, x, 1000);
    b.addSuccess(x, 1);
    ChainSet set = b.build(0);
    assertThatThrownBy(() -> new GaussSeidelSolver(1e-12, 1).solve(set.chains().get(0)))
        .isInstanceOf(SolverDivergenceException.class).hasMessageContaining("residual");
    assertThat(new GaussSeidelSolver(1e-12, 10).solve(set.chains().get(0)).success()[0])
        .isCloseTo(1.0, within(1e-9)); // self-loops are solved in place
  }

  @Test
  void constructorsValidateTheirArguments() {
    assertThatThrownBy(() -> new GaussSeidelSolver(0, 10)).hasMessageContaining("tolerance");
    assertThatThrownBy(() -> new GaussSeidelSolver(1e-9, 0)).hasMessageContaining("maxIterations");
    assertThatThrownBy(() -> new ChainBuilder().build(-1)).hasMessageContaining("smoothing");
    assertThatThrownBy(() -> new SelectionGates(0, 5, 0.1, 0.9)).hasMessageContaining("minSupport");
  }
}
