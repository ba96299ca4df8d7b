package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.spi.AttachmentStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for {@link AttachmentStore} adapters: extend it and implement
 * {@link #createStore()}. Checks content addressing (the lower-case hex SHA-256 is the address,
 * identical content is kept once, {@code put} is idempotent), exact copies in and out, deletion,
 * and concurrent use.
 *
 * <p>To prove a whole storage adapter, extend {@link StorageContract} instead: it runs this
 * contract as one of its groups, on the store your {@code Storage} provides. Extend this class
 * alone for a store proven on its own.
 *
 * @since 0.1
 */
@DisplayName("AttachmentStore contract")
public abstract class AttachmentStoreContract {
    /** SHA-256 of the three bytes {@code "abc"} (FIPS 180-2 test vector). */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    /** SHA-256 of no bytes at all. */
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    protected AttachmentStore store;

    /** A new, empty store; called before every test. */
    protected abstract AttachmentStore createStore();

    /** Called after every test with the store {@link #createStore()} returned; close resources here. */
    protected void disposeStore(AttachmentStore used) {
    }

    @BeforeEach
    void createStoreForTest() {
        store = createStore();
    }

    @AfterEach
    void disposeStoreAfterTest() {
        disposeStore(store);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Nested
    @DisplayName("addressing content")
    class Addressing {
        @Test
        @DisplayName("returns the lower-case hex SHA-256 of the content as its address")
        void digest() {
            assertThat(store.put(bytes("abc"))).isEqualTo(ABC);
        }

        @Test
        @DisplayName("stores empty content under the SHA-256 of nothing")
        void emptyContent() {
            assertThat(store.put(new byte[0])).isEqualTo(EMPTY);
            assertThat(store.get(EMPTY)).hasValueSatisfying(b -> assertThat(b).isEmpty());
        }

        @Test
        @DisplayName("gives identical content the same address, however often it is put")
        void idempotent() {
            String first = store.put(bytes("Palkkatodistus.pdf sisältö"));
            String second = store.put(bytes("Palkkatodistus.pdf sisältö"));
            assertThat(second).isEqualTo(first);
            assertThat(store.get(first)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("Palkkatodistus.pdf sisältö")));
        }

        @Test
        @DisplayName("keeps identical content once: one delete removes it")
        void storedOnce() {
            String digest = store.put(bytes("sama"));
            store.put(bytes("sama"));
            assertThat(store.delete(digest)).isTrue();
            assertThat(store.get(digest)).isEmpty();
        }

        @Test
        @DisplayName("gives different content different addresses")
        void distinct() {
            assertThat(store.put(bytes("a"))).isNotEqualTo(store.put(bytes("b")));
        }
    }

    @Nested
    @DisplayName("reading content")
    class Reading {
        @Test
        @DisplayName("returns an exact copy of binary content with every byte value")
        void exactCopy() {
            byte[] all = new byte[256];
            for (int i = 0; i < all.length; i++) {
                all[i] = (byte) i;
            }
            String digest = store.put(all);
            assertThat(store.get(digest)).hasValueSatisfying(b -> assertThat(b).isEqualTo(all));
        }

        @Test
        @DisplayName("returns a large attachment (2 MiB) intact")
        void large() throws Exception {
            byte[] content = random(2 * 1024 * 1024, 42);
            String digest = store.put(content);
            assertThat(digest).isEqualTo(sha256(content));
            assertThat(store.get(digest)).hasValueSatisfying(b -> assertThat(b).isEqualTo(content));
        }

        @Test
        @DisplayName("is not affected by changing the array after put, or the array get returned")
        void defensiveCopies() {
            byte[] content = bytes("alkuperäinen");
            String digest = store.put(content);
            content[0] = 'X';
            byte[] read = store.get(digest).orElseThrow();
            read[1] = 'Y';
            assertThat(store.get(digest)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("alkuperäinen")));
        }

        @Test
        @DisplayName("finds nothing at an address never stored")
        void unknown() {
            store.put(bytes("jotain"));
            assertThat(store.get(ABC)).isEmpty();
        }
    }

    @Nested
    @DisplayName("deleting content")
    class Deleting {
        @Test
        @DisplayName("removes it and says so; a second delete finds nothing")
        void delete() {
            String digest = store.put(bytes("poistettava"));
            assertThat(store.delete(digest)).isTrue();
            assertThat(store.get(digest)).isEmpty();
            assertThat(store.delete(digest)).isFalse();
        }

        @Test
        @DisplayName("of absent content returns false")
        void absent() {
            assertThat(store.delete(ABC)).isFalse();
        }

        @Test
        @DisplayName("keeps other content")
        void others() {
            String keep = store.put(bytes("säilytettävä"));
            String drop = store.put(bytes("poistettava"));
            store.delete(drop);
            assertThat(store.get(keep)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("säilytettävä")));
        }

        @Test
        @DisplayName("can be followed by putting the same content again")
        void putAgain() {
            String digest = store.put(bytes("takaisin"));
            store.delete(digest);
            assertThat(store.put(bytes("takaisin"))).isEqualTo(digest);
            assertThat(store.get(digest)).isPresent();
        }
    }

    @Nested
    @DisplayName("under concurrent use")
    class Concurrency {
        @Test
        @DisplayName("stores shared and distinct content from many threads at once, losing none")
        void concurrentPuts() throws Exception {
            int threads = 8;
            int perThread = 25;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<String>>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        List<String> digests = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            digests.add(store.put(bytes("jaettu " + i)));          // every thread puts these
                            digests.add(store.put(random(1024, thread * 1000L + i))); // only this thread
                        }
                        return digests;
                    }));
                }
                start.countDown();
                for (int t = 0; t < threads; t++) {
                    List<String> digests = futures.get(t).get(2, TimeUnit.MINUTES);
                    for (int i = 0; i < perThread; i++) {
                        assertThat(digests.get(2 * i)).isEqualTo(sha256(bytes("jaettu " + i)));
                        byte[] own = random(1024, t * 1000L + i);
                        assertThat(digests.get(2 * i + 1)).isEqualTo(sha256(own));
                        assertThat(store.get(digests.get(2 * i + 1))).hasValueSatisfying(b -> assertThat(b).isEqualTo(own));
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
