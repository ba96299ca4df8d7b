/**
 * The customer register's contacts and identity assurance; consent and erasure arrive here.
 */
@NullMarked
package dev.tiketti.core.privacy;

import org.jspecify.annotations.NullMarked;
