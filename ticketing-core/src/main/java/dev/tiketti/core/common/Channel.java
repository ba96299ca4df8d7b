package dev.tiketti.core.common;

/**
 * How a matter reached the team (R1: one-stop shop across channels).
 *
 * @since 0.1
 */
public enum Channel {
    EMAIL, PHONE, CHAT, WEB_FORM, WALK_IN, OTHER
}
