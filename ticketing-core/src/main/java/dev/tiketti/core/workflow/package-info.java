/**
 * Workflow definitions: states, transitions, guards, effects, their validation and JSON form.
 */
@NullMarked
package dev.tiketti.core.workflow;

import org.jspecify.annotations.NullMarked;
