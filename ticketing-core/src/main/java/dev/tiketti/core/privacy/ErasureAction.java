package dev.tiketti.core.privacy;

/**
 * What erasure does with one {@link DataCategory}: delete it, anonymise it (overwrite the person's
 * name with the replacement token, remove addresses and numbers) or retain it on a legal basis.
 *
 * @since 0.1
 */
public enum ErasureAction {
    DELETE,
    ANONYMISE,
    RETAIN
}
