/**
 * Implementation of the SMTP transport; not API, may change without notice.
 */
@NullMarked
package dev.tiketti.mail.internal;

import org.jspecify.annotations.NullMarked;
