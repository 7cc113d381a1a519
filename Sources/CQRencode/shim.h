// Debian's libqrencode (libqrencode-dev): QR code symbols for events' check-in links.
#include <qrencode.h>
