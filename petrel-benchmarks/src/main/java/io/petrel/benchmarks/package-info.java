/** JMH microbenchmarks of Petrel's hot paths. Run them with {@code java -jar petrel-benchmarks/target/benchmarks.jar}. */
@NullMarked
package io.petrel.benchmarks;

import org.jspecify.annotations.NullMarked;
