// libxcrypt (Debian's and Amazon Linux's libcrypt): crypt_rn and crypt_gensalt_rn, bcrypt among their hashes.
#include <crypt.h>
