/*
 * Gives wrk (Debian's package, which has no option for it) a TLS client certificate: preloaded into wrk
 * (LD_PRELOAD), it lets OpenSSL make wrk's one TLS context as usual, then loads the certificate chain and the
 * private key named by BENCH_CLIENT_CERTIFICATE and BENCH_CLIENT_KEY (PEM files) into it with OpenSSL's own calls.
 * Nothing else of wrk or OpenSSL is changed. No OpenSSL headers are needed: the two types stay opaque and the
 * functions are looked up in the library wrk itself uses.
 *
 *   gcc -O2 -shared -fPIC -o client-certificate.so client-certificate.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_method_st SSL_METHOD;

#define SSL_FILETYPE_PEM 1

SSL_CTX *SSL_CTX_new(const SSL_METHOD *method) {
    SSL_CTX *(*make)(const SSL_METHOD *) = (SSL_CTX * (*)(const SSL_METHOD *)) dlsym(RTLD_NEXT, "SSL_CTX_new");
    if (make == NULL) {
        fprintf(stderr, "client-certificate: OpenSSL's SSL_CTX_new not found\n");
        exit(1);
    }
    SSL_CTX *context = make(method);
    const char *certificate = getenv("BENCH_CLIENT_CERTIFICATE");
    const char *key = getenv("BENCH_CLIENT_KEY");
    if (context == NULL || certificate == NULL || key == NULL) {
        return context;
    }
    int (*chain)(SSL_CTX *, const char *) =
            (int (*)(SSL_CTX *, const char *)) dlsym(RTLD_NEXT, "SSL_CTX_use_certificate_chain_file");
    int (*private_key)(SSL_CTX *, const char *, int) =
            (int (*)(SSL_CTX *, const char *, int)) dlsym(RTLD_NEXT, "SSL_CTX_use_PrivateKey_file");
    int (*matches)(const SSL_CTX *) = (int (*)(const SSL_CTX *)) dlsym(RTLD_NEXT, "SSL_CTX_check_private_key");
    if (chain == NULL || private_key == NULL || matches == NULL || chain(context, certificate) != 1
            || private_key(context, key, SSL_FILETYPE_PEM) != 1 || matches(context) != 1) {
        fprintf(stderr, "client-certificate: %s and %s could not be loaded as a certificate and its key\n",
                certificate, key);
        exit(1);
    }
    return context;
}
