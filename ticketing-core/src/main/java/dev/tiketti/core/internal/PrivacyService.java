package dev.tiketti.core.internal;

import dev.tiketti.core.privacy.Access;
import dev.tiketti.core.privacy.Consents;
import dev.tiketti.core.privacy.Erasure;
import dev.tiketti.core.privacy.Privacy;
import dev.tiketti.core.privacy.Register;
import dev.tiketti.core.privacy.RetentionSweeps;

/** The {@link Privacy} area: routes to its five sub-areas. Not API. */
public record PrivacyService(Register register, Consents consents, Access access, Erasure erasure,
                             RetentionSweeps retention) implements Privacy {
}
