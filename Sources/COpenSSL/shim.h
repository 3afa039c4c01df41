/*
 * The whole C surface the Eichrecht library uses from OpenSSL (libcrypto).
 *
 * Each helper does one complete OpenSSL operation and cleans up after itself, so the Swift side
 * holds no OpenSSL state except opaque EVP_PKEY handles, which it frees through `EVP_PKEY_free`.
 * Every helper clears the thread's OpenSSL error queue before returning: a verifier that checks
 * millions of signatures must not let failed verifications pile up in it.
 *
 * Each thread keeps, for its own use only, SHA-256 fetched once with a digest context, and the
 * verification context of the last key it verified with: fetching an algorithm and building an
 * EVP_PKEY_CTX cost more than hashing a record. The state is freed when the thread ends.
 */
#ifndef EICHRECHT_COPENSSL_SHIM_H
#define EICHRECHT_COPENSSL_SHIM_H

#include <stddef.h>
#include <stdint.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/x509.h>
#include <pthread.h>
#include <stdlib.h>

/* One thread's OpenSSL state: reused by every hash and verification on that thread. */
typedef struct {
    EVP_MD *sha256;        /* fetched once */
    EVP_MD_CTX *digest;    /* reinitialised for each hash */
    EVP_PKEY *key;         /* the key `verify` was made for (referenced by `verify` itself) */
    EVP_PKEY_CTX *verify;  /* initialised for verification with `key` */
} eichrecht_thread_state;

/*
 * The thread-state key, as function-local statics: Swift emits only the header's functions, not its
 * globals. Where the compiler copies these functions into several object files, each copy has its
 * own key, which only means one more context per thread.
 */
static inline pthread_key_t *eichrecht_state_key(void) {
    static pthread_key_t key;
    return &key;
}

static inline pthread_once_t *eichrecht_state_once(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    return &once;
}

static inline void eichrecht_state_free(void *pointer) {
    eichrecht_thread_state *state = (eichrecht_thread_state *)pointer;
    if (state == NULL) return;
    EVP_PKEY_CTX_free(state->verify); /* releases its reference to `key` */
    EVP_MD_CTX_free(state->digest);
    EVP_MD_free(state->sha256);
    free(state);
}

static inline void eichrecht_state_key_create(void) {
    (void)pthread_key_create(eichrecht_state_key(), eichrecht_state_free);
}

/* This thread's state, made on first use; NULL only when memory runs out. */
static inline eichrecht_thread_state *eichrecht_thread(void) {
    if (pthread_once(eichrecht_state_once(), eichrecht_state_key_create) != 0) return NULL;
    eichrecht_thread_state *state = (eichrecht_thread_state *)pthread_getspecific(*eichrecht_state_key());
    if (state != NULL) return state;
    state = (eichrecht_thread_state *)calloc(1, sizeof(eichrecht_thread_state));
    if (state == NULL) return NULL;
    state->sha256 = EVP_MD_fetch(NULL, "SHA256", NULL);
    state->digest = EVP_MD_CTX_new();
    if (state->sha256 == NULL || state->digest == NULL || pthread_setspecific(*eichrecht_state_key(), state) != 0) {
        eichrecht_state_free(state);
        ERR_clear_error();
        return NULL;
    }
    return state;
}

/* SHA-256 of `len` bytes into `out` (32 bytes). Returns 1 on success. */
static inline int eichrecht_sha256(const uint8_t *data, size_t len, uint8_t *out) {
    unsigned int outlen = 0;
    int ok = 0;
    eichrecht_thread_state *state = eichrecht_thread();
    if (state != NULL) {
        ok = EVP_DigestInit_ex2(state->digest, state->sha256, NULL) == 1 &&
             EVP_DigestUpdate(state->digest, data, len) == 1 &&
             EVP_DigestFinal_ex(state->digest, out, &outlen) == 1;
    } else {
        ok = EVP_Digest(data, len, out, &outlen, EVP_sha256(), NULL) == 1;
    }
    ERR_clear_error();
    return ok && outlen == 32 ? 1 : 0;
}

/*
 * Decodes an SEC1 point (compressed 02/03‖X or uncompressed 04‖X‖Y) on the named curve and writes
 * it uncompressed into `out`. OpenSSL rejects points that are not on the curve.
 * Returns 1 on success, 0 when the point is not a valid point of the curve, -1 when the curve is
 * not available in this OpenSSL build, -2 when `out` is too small.
 */
static inline int eichrecht_point_to_uncompressed(int nid, const uint8_t *in, size_t inlen,
                                                  uint8_t *out, size_t outcap, size_t *outlen) {
    int result = 0;
    EC_GROUP *group = EC_GROUP_new_by_curve_name(nid);
    if (group == NULL) {
        ERR_clear_error();
        return -1;
    }
    EC_POINT *point = EC_POINT_new(group);
    if (point != NULL && EC_POINT_oct2point(group, point, in, inlen, NULL) == 1 &&
        EC_POINT_is_at_infinity(group, point) == 0 && EC_POINT_is_on_curve(group, point, NULL) == 1) {
        size_t need = EC_POINT_point2oct(group, point, POINT_CONVERSION_UNCOMPRESSED, NULL, 0, NULL);
        if (need == 0) {
            result = 0;
        } else if (need > outcap) {
            result = -2;
        } else {
            *outlen = EC_POINT_point2oct(group, point, POINT_CONVERSION_UNCOMPRESSED, out, outcap, NULL);
            result = *outlen == need ? 1 : 0;
        }
    }
    EC_POINT_free(point);
    EC_GROUP_free(group);
    ERR_clear_error();
    return result;
}

/* An EVP_PKEY from DER SubjectPublicKeyInfo bytes, or NULL. The caller frees it with EVP_PKEY_free. */
static inline EVP_PKEY *eichrecht_pkey_from_spki(const uint8_t *der, size_t len) {
    const unsigned char *cursor = der;
    EVP_PKEY *key = d2i_PUBKEY(NULL, &cursor, (long)len);
    if (key != NULL && cursor != der + len) {
        EVP_PKEY_free(key);
        key = NULL;
    }
    ERR_clear_error();
    return key;
}

/*
 * ECDSA verification of a precomputed digest. `sig` must be a DER ECDSA-Sig-Value.
 * Returns 1 when the signature verifies, 0 when it does not, -1 on an internal error.
 *
 * The thread's verification context is reused while the key stays the same (a station signs
 * thousands of CDRs with one key); ECDSA verification keeps no state in it between calls. The
 * context holds a reference to its key, so a cached key is never freed (and its address never
 * reused) while the context compares against it.
 */
static inline int eichrecht_ecdsa_verify_digest(EVP_PKEY *key, const uint8_t *sig, size_t siglen,
                                                const uint8_t *digest, size_t digestlen) {
    int result = -1;
    eichrecht_thread_state *state = eichrecht_thread();
    EVP_PKEY_CTX *ctx = NULL;
    int owned = 0;
    if (state != NULL && state->verify != NULL && state->key == key) {
        ctx = state->verify;
    } else {
        ctx = EVP_PKEY_CTX_new(key, NULL);
        if (ctx != NULL && EVP_PKEY_verify_init(ctx) != 1) {
            EVP_PKEY_CTX_free(ctx);
            ctx = NULL;
        }
        if (ctx != NULL && state != NULL) {
            EVP_PKEY_CTX_free(state->verify);
            state->verify = ctx;
            state->key = key;
        } else {
            owned = 1;
        }
    }
    if (ctx != NULL) {
        int rc = EVP_PKEY_verify(ctx, sig, siglen, digest, digestlen);
        /* OpenSSL reports a malformed or out-of-range signature as an error, not as 0. */
        result = rc == 1 ? 1 : 0;
    }
    if (owned) EVP_PKEY_CTX_free(ctx);
    ERR_clear_error();
    return result;
}

#endif
