/* City Pathways Atlas: Leaflet maps for elements with class "atlas-map".
   No inline script or innerHTML with data, so it works under a strict CSP. */
(function () {
  "use strict";

  // currentScript is only set while this file runs, not in the DOMContentLoaded handler.
  var scriptSrc = document.currentScript ? document.currentScript.src : "";
  var MAX_CASES = 10;
  // Django's JavaScript catalogue (jsi18n, loaded before this file) translates; without it,
  // English.
  var gettext = window.gettext || function (s) { return s; };
  var ngettext = window.ngettext || function (one, many, n) { return n === 1 ? one : many; };
  var interpolate = window.interpolate || function (fmt, args) { return fmt.replace("%s", args[0]); };

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function buildPopup(props) {
    var box = el("div", undefined, { "class": "atlas-popup" });
    var title = el("strong");
    title.appendChild(el("a", props.name, { href: props.url }));
    box.appendChild(title);
    var count = Number(props.case_count) || 0;
    box.appendChild(el("p", interpolate(ngettext("%s case", "%s cases", count), [count])));
    var cases = (props.cases || []).slice(0, MAX_CASES);
    if (cases.length) {
      var list = el("ul");
      cases.forEach(function (c) {
        var li = el("li");
        li.appendChild(el("a", c.title, { href: c.url }));
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    if (count > cases.length) box.appendChild(el("a", gettext("All cases for this place"), { href: props.url }));
    return box;
  }

  function initMap(node) {
    // Explicit image path: Leaflet's CSS-based auto-detection is unreliable with hashed static files.
    L.Icon.Default.imagePath = node.dataset.icons ||
      new URL("../vendor/leaflet-1.9.4/images/", scriptSrc || document.baseURI).href;

    var map = L.map(node, { maxZoom: 19 });
    L.tileLayer(node.dataset.tiles, { maxZoom: 19, attribution: node.dataset.attribution || "" }).addTo(map);
    var useCluster = node.dataset.cluster === "true" && typeof L.markerClusterGroup === "function";

    fetch(node.dataset.geojson, { headers: { Accept: "application/geo+json, application/json" } })
      .then(function (resp) {
        if (!resp.ok) throw new Error("HTTP " + resp.status);
        return resp.json();
      })
      .then(function (data) {
        var group = useCluster ? L.markerClusterGroup() : L.featureGroup();
        var latlngs = [];
        (data.features || []).forEach(function (f) {
          if (!f.geometry || f.geometry.type !== "Point") return;
          var ll = L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]);
          latlngs.push(ll);
          group.addLayer(L.marker(ll, { title: f.properties.name }).bindPopup(buildPopup(f.properties)));
        });
        // The view must be set before adding a cluster group, which needs the map's pixel bounds.
        if (latlngs.length) map.fitBounds(L.latLngBounds(latlngs), { maxZoom: 10, padding: [20, 20] });
        else map.setView([20, 0], 2);
        group.addTo(map);
      })
      .catch(function () {
        map.remove();
        node.textContent = gettext("The map could not be loaded. The places are listed on this page.");
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (typeof L === "undefined") return; // Leaflet failed to load; the HTML list still works.
    Array.prototype.forEach.call(document.querySelectorAll(".atlas-map"), initMap);
  });
})();
