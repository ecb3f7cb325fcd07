// The maps of /map and of place and event pages: Leaflet over Natural Earth's country outlines (world-atlas,
// bundled), or over the tile server the site is set to use. A marker leads to its place's page; its popup lists
// the events at it. The map says it is drawn (data-ready) once the outlines and markers are on it.
"use strict";
(function () {
  const element = document.getElementById("map");
  if (!element || !window.L) {
    return;
  }
  const data = JSON.parse(document.getElementById("map-data").textContent);
  const map = L.map(element, { worldCopyJump: true, minZoom: 1 });

  function link(text, href) {
    const a = document.createElement(href ? "a" : "span");
    a.textContent = text;
    if (href) {
      a.href = href;
    }
    return a;
  }

  function popup(place) {
    const box = document.createElement("div");
    box.appendChild(link(place.name, place.page)).className = "place";
    if (place.events && place.events.length) {
      const list = box.appendChild(document.createElement("ul"));
      for (const event of place.events) {
        const item = list.appendChild(document.createElement("li"));
        item.appendChild(link(event.date + " ", null)).className = "dates";
        item.appendChild(link(event.name, event.page));
      }
    }
    return box;
  }

  const markers = data.places.map((place) =>
    L.marker([place.latitude, place.longitude], { title: place.name, alt: place.name })
      .bindPopup(popup(place))
      .addTo(map));
  if (markers.length) {
    map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 5 });
  } else {
    map.setView([50, 15], 3);
  }

  function ready() {
    element.dataset.ready = "true";
  }

  if (data.tiles) {
    L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 18 }).addTo(map);
    ready();
    return;
  }
  map.attributionControl.addAttribution("Natural Earth");
  fetch(data.basemap)
    .then((response) => response.json())
    .then((world) => {
      // interactive, so that a point of the map tells which country it is in (class country-<ISO 3166 number>)
      L.geoJSON(topojson.feature(world, world.objects.countries), {
        style: (country) => ({ className: "country country-" + country.id, color: "#8a8a8a", weight: 0.8,
                               fillColor: "#f3efe6", fillOpacity: 1 }),
      }).addTo(map).bringToBack();
    })
    .finally(ready);
})();
