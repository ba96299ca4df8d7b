/**
 * Test support for hosts of Tiketti: {@link dev.tiketti.testkit.MutableClock}, a clock tests move
 * by hand, and {@link dev.tiketti.testkit.WorkflowTestKit}, a fluent harness that runs a host's own
 * workflow on the real engine and asserts on what it recorded.
 */
@NullMarked
package dev.tiketti.testkit;

import org.jspecify.annotations.NullMarked;
