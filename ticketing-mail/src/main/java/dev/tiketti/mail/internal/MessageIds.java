package dev.tiketti.mail.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Message-ID, In-Reply-To and References values: ids without angle brackets, trimmed; lenient. */
final class MessageIds {
    private static final int MAX_IDS = 1_000;

    private MessageIds() {
    }

    static List<String> all(String value) {
        List<String> ids = new ArrayList<>();
        int i = 0;
        while (i < value.length() && ids.size() < MAX_IDS) {
            int lt = value.indexOf('<', i);
            if (lt < 0) {
                break;
            }
            int gt = value.indexOf('>', lt + 1);
            if (gt < 0) {
                break;
            }
            add(ids, value.substring(lt + 1, gt));
            i = gt + 1;
        }
        if (ids.isEmpty()) {
            // some mailers drop the brackets: take the tokens that look like ids
            for (String token : value.split("[\\s,]+")) {
                if (token.indexOf('@') > 0 && ids.size() < MAX_IDS) {
                    add(ids, token);
                }
            }
        }
        return ids;
    }

    static Optional<String> first(String value) {
        List<String> ids = all(value);
        if (!ids.isEmpty()) {
            return Optional.of(ids.get(0));
        }
        String t = HeaderText.clean(value).strip();
        return t.isEmpty() || t.indexOf(' ') >= 0 ? Optional.empty() : Optional.of(t);
    }

    private static void add(List<String> ids, String raw) {
        String id = HeaderText.clean(raw).replace(" ", "");
        if (!id.isEmpty() && id.length() <= 998) {
            ids.add(id);
        }
    }
}
