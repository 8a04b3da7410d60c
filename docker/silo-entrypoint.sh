#!/bin/sh
# Advertises the container's own address (what other silos and the front end connect to) unless one is given.
set -eu
if [ -z "${Orleans__AdvertisedAddress:-}" ]; then
  Orleans__AdvertisedAddress=$(hostname -i | cut -d ' ' -f 1)
  export Orleans__AdvertisedAddress
fi
exec dotnet /app/ComplianceGrains.Silo.dll "$@"
