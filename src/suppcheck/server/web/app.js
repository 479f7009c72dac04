// The script of the `suppcheck serve` page (index.html), served as GET /app.js so that the
// page's Content-Security-Policy can forbid inline script. No external resource, no framework.
"use strict";
var T = {
 en: {title:"suppcheck: is this supplement safe?", intro:"Take a photo of the label of a food supplement. You will see whether it has a Belgian notification number and how much magnesium a day it gives, against the safe upper level of 250 mg a day.", photo:"Photograph or choose a label", uploading:"Sending the photo…", reading:"Reading the label…", typeNumber:"Or type a notification number:", check:"Check", combined:"Products scanned in this visit", clear:"Clear the list", total:"Together: {mg} mg magnesium a day", overTotal:"Together: {mg} mg magnesium a day: more than the safe 250 mg. Supplements taken together add up.",
  valid:"Notification number {n}: the format is right.", invalid:"The notification number “{n}” is not in the right format: {why}.", missing:"No notification number was found. Advice: a supplement without a notification number is better not taken.", unreadable:"A notification number seems to be on the label (“{n}”) but could not be read with confidence: photograph that line closer, in good light.",
  listed:"It is in the registry.", notListed:"It is NOT in the registry.", regError:"The registry could not be checked.",
  above:"{mg} mg magnesium a day: above the safe upper level of 250 mg a day.", within:"{mg} mg magnesium a day: within the safe upper level of 250 mg a day.", unknown:"Magnesium is in it, but the dose could not be read.", none:"No magnesium found.",
  doctor:"Ask a doctor or pharmacist before taking it, especially with other medicines or kidney problems.", addUp:"Supplements taken together add up: see the total below.", failed:"This photo could not be read: {why}", tooLarge:"The photo is too large.", notImage:"This file is not a photo.", busy:"The server is busy; try again in a moment.", network:"The server could not be reached.",
  notSeen:"Number not seen yet: it usually stands near the lot number and the producer’s address.", notShown:"Whether there is magnesium in it cannot be told yet: the ingredients are not on the photo.",
  addPhoto:"Add a photo of the same pack", photos:"Photos of this pack: {n}", stillMissing:"Still missing:", complete:"Complete: the number and the dose were read from the photos of this pack.",
  shootNumber:"Number not seen yet: photograph the side with the lot number and the producer’s address, where the notification number stands.", shootIngredients:"Photograph the side with the ingredients (the ingredient list or the nutrient table).", shootTable:"Photograph the nutrient table with the amount of magnesium per tablet or dose.", shootDirections:"Photograph the directions (how many to take a day).", shootCloser:"Photograph the notification number closer, in good light.",
  disagreeNumber:"The photos show different notification numbers: check the pack, or photograph the number again.", disagreeDose:"The photos show different doses: check the pack, or photograph the table again.",
  tooLargeTogether:"The photos of this pack are too large together: start again with a new pack.", tooMany:"No more photos fit in this pack: start again with a new pack.", unsupported:"This kind of image is not read (GIF, HEIC, …): send a JPEG or PNG photo."},
 nl: {title:"suppcheck: is dit supplement veilig?", intro:"Neem een foto van het etiket van een voedingssupplement. U ziet of het een Belgisch notificatienummer heeft en hoeveel magnesium per dag het geeft, tegenover de veilige bovengrens van 250 mg per dag.", photo:"Fotografeer of kies een etiket", uploading:"Foto wordt verzonden…", reading:"Etiket wordt gelezen…", typeNumber:"Of typ een notificatienummer:", check:"Controleer", combined:"Producten gescand tijdens dit bezoek", clear:"Lijst wissen", total:"Samen: {mg} mg magnesium per dag", overTotal:"Samen: {mg} mg magnesium per dag: meer dan de veilige 250 mg. Supplementen tellen samen op.",
  valid:"Notificatienummer {n}: het formaat klopt.", invalid:"Het notificatienummer “{n}” heeft niet het juiste formaat: {why}.", missing:"Geen notificatienummer gevonden. Advies: een supplement zonder notificatienummer neemt u beter niet.", unreadable:"Er lijkt een notificatienummer op het etiket te staan (“{n}”), maar het kon niet met zekerheid worden gelezen: fotografeer die regel van dichterbij, met goed licht.",
  listed:"Het staat in het register.", notListed:"Het staat NIET in het register.", regError:"Het register kon niet worden nagekeken.",
  above:"{mg} mg magnesium per dag: boven de veilige bovengrens van 250 mg per dag.", within:"{mg} mg magnesium per dag: binnen de veilige bovengrens van 250 mg per dag.", unknown:"Er zit magnesium in, maar de dosis kon niet worden gelezen.", none:"Geen magnesium gevonden.",
  doctor:"Vraag raad aan een arts of apotheker voor u het neemt, zeker met andere geneesmiddelen of nierproblemen.", addUp:"Supplementen tellen samen op: zie het totaal hieronder.", failed:"Deze foto kon niet worden gelezen: {why}", tooLarge:"De foto is te groot.", notImage:"Dit bestand is geen foto.", busy:"De server is bezet; probeer het zo opnieuw.", network:"De server is niet bereikbaar.",
  notSeen:"Nummer nog niet gezien: het staat meestal bij het lotnummer en het adres van de producent.", notShown:"Of er magnesium in zit, is nog niet te zeggen: de ingrediënten staan niet op de foto.",
  addPhoto:"Voeg een foto van dezelfde verpakking toe", photos:"Foto’s van deze verpakking: {n}", stillMissing:"Nog te fotograferen:", complete:"Volledig: het nummer en de dosis zijn gelezen op de foto’s van deze verpakking.",
  shootNumber:"Nummer nog niet gezien: fotografeer de zijde met het lotnummer en het adres van de producent, waar het notificatienummer staat.", shootIngredients:"Fotografeer de zijde met de ingrediënten (de ingrediëntenlijst of de voedingstabel).", shootTable:"Fotografeer de voedingstabel met de hoeveelheid magnesium per tablet of dosis.", shootDirections:"Fotografeer de gebruiksaanwijzing (hoeveel per dag).", shootCloser:"Fotografeer het notificatienummer van dichterbij, met goed licht.",
  disagreeNumber:"De foto’s tonen verschillende notificatienummers: kijk de verpakking na of fotografeer het nummer opnieuw.", disagreeDose:"De foto’s tonen verschillende dosissen: kijk de verpakking na of fotografeer de tabel opnieuw.",
  tooLargeTogether:"De foto’s van deze verpakking zijn samen te groot: begin opnieuw met een nieuwe verpakking.", tooMany:"Er passen geen foto’s meer bij deze verpakking: begin opnieuw met een nieuwe verpakking.", unsupported:"Dit soort afbeelding wordt niet gelezen (GIF, HEIC, …): stuur een JPEG- of PNG-foto."},
 fr: {title:"suppcheck : ce complément est-il sûr ?", intro:"Photographiez l’étiquette d’un complément alimentaire. Vous verrez s’il porte un numéro de notification belge et combien de magnésium par jour il apporte, face à la limite de sécurité de 250 mg par jour.", photo:"Photographier ou choisir une étiquette", uploading:"Envoi de la photo…", reading:"Lecture de l’étiquette…", typeNumber:"Ou tapez un numéro de notification :", check:"Vérifier", combined:"Produits scannés pendant cette visite", clear:"Effacer la liste", total:"Ensemble : {mg} mg de magnésium par jour", overTotal:"Ensemble : {mg} mg de magnésium par jour : plus que les 250 mg sûrs. Les compléments pris ensemble s’additionnent.",
  valid:"Numéro de notification {n} : le format est correct.", invalid:"Le numéro de notification « {n} » n’a pas le bon format : {why}.", missing:"Aucun numéro de notification trouvé. Conseil : mieux vaut ne pas prendre un complément sans numéro de notification.", unreadable:"Un numéro de notification semble figurer sur l’étiquette (« {n} ») mais n’a pas pu être lu avec certitude : photographiez cette ligne de plus près, avec un bon éclairage.",
  listed:"Il figure dans le registre.", notListed:"Il ne figure PAS dans le registre.", regError:"Le registre n’a pas pu être consulté.",
  above:"{mg} mg de magnésium par jour : au-dessus de la limite de sécurité de 250 mg par jour.", within:"{mg} mg de magnésium par jour : dans la limite de sécurité de 250 mg par jour.", unknown:"Il contient du magnésium, mais la dose n’a pas pu être lue.", none:"Pas de magnésium trouvé.",
  doctor:"Demandez l’avis d’un médecin ou d’un pharmacien avant de le prendre, surtout avec d’autres médicaments ou des problèmes rénaux.", addUp:"Les compléments pris ensemble s’additionnent : voyez le total ci-dessous.", failed:"Cette photo n’a pas pu être lue : {why}", tooLarge:"La photo est trop grande.", notImage:"Ce fichier n’est pas une photo.", busy:"Le serveur est occupé ; réessayez dans un instant.", network:"Le serveur est injoignable.",
  notSeen:"Numéro pas encore vu : il figure d’habitude près du numéro de lot et de l’adresse du fabricant.", notShown:"On ne peut pas encore dire s’il contient du magnésium : les ingrédients ne sont pas sur la photo.",
  addPhoto:"Ajouter une photo du même emballage", photos:"Photos de cet emballage : {n}", stillMissing:"Reste à photographier :", complete:"Complet : le numéro et la dose ont été lus sur les photos de cet emballage.",
  shootNumber:"Numéro pas encore vu : photographiez le côté avec le numéro de lot et l’adresse du fabricant, où figure le numéro de notification.", shootIngredients:"Photographiez le côté avec les ingrédients (la liste des ingrédients ou le tableau nutritionnel).", shootTable:"Photographiez le tableau nutritionnel avec la quantité de magnésium par comprimé ou par dose.", shootDirections:"Photographiez le mode d’emploi (combien par jour).", shootCloser:"Photographiez le numéro de notification de plus près, avec un bon éclairage.",
  disagreeNumber:"Les photos montrent des numéros de notification différents : vérifiez l’emballage ou photographiez à nouveau le numéro.", disagreeDose:"Les photos montrent des doses différentes : vérifiez l’emballage ou photographiez à nouveau le tableau.",
  tooLargeTogether:"Les photos de cet emballage sont trop grandes ensemble : recommencez avec un nouvel emballage.", tooMany:"Plus de photos possibles pour cet emballage : recommencez avec un nouvel emballage.", unsupported:"Ce type d’image n’est pas lu (GIF, HEIC, …) : envoyez une photo JPEG ou PNG."},
 de: {title:"suppcheck: Ist dieses Nahrungsergänzungsmittel sicher?", intro:"Fotografieren Sie das Etikett eines Nahrungsergänzungsmittels. Sie sehen, ob es eine belgische Notifizierungsnummer trägt und wie viel Magnesium pro Tag es liefert, gemessen an der sicheren Höchstmenge von 250 mg pro Tag.", photo:"Etikett fotografieren oder auswählen", uploading:"Das Foto wird gesendet…", reading:"Das Etikett wird gelesen…", typeNumber:"Oder tippen Sie eine Notifizierungsnummer ein:", check:"Prüfen", combined:"Bei diesem Besuch gescannte Produkte", clear:"Liste leeren", total:"Zusammen: {mg} mg Magnesium pro Tag", overTotal:"Zusammen: {mg} mg Magnesium pro Tag: mehr als die sicheren 250 mg. Zusammen eingenommene Ergänzungsmittel addieren sich.",
  valid:"Notifizierungsnummer {n}: Das Format stimmt.", invalid:"Die Notifizierungsnummer „{n}“ hat nicht das richtige Format: {why}.", missing:"Keine Notifizierungsnummer gefunden. Rat: Ein Ergänzungsmittel ohne Notifizierungsnummer nimmt man besser nicht.", unreadable:"Auf dem Etikett scheint eine Notifizierungsnummer zu stehen („{n}“), sie konnte aber nicht sicher gelesen werden: Fotografieren Sie diese Zeile näher und bei gutem Licht.",
  listed:"Sie steht im Register.", notListed:"Sie steht NICHT im Register.", regError:"Das Register konnte nicht abgefragt werden.",
  above:"{mg} mg Magnesium pro Tag: über der sicheren Höchstmenge von 250 mg pro Tag.", within:"{mg} mg Magnesium pro Tag: innerhalb der sicheren Höchstmenge von 250 mg pro Tag.", unknown:"Es enthält Magnesium, aber die Dosis konnte nicht gelesen werden.", none:"Kein Magnesium gefunden.",
  doctor:"Fragen Sie vor der Einnahme einen Arzt oder Apotheker, besonders bei anderen Medikamenten oder Nierenproblemen.", addUp:"Zusammen eingenommene Ergänzungsmittel addieren sich: siehe die Summe unten.", failed:"Dieses Foto konnte nicht gelesen werden: {why}", tooLarge:"Das Foto ist zu groß.", notImage:"Diese Datei ist kein Foto.", busy:"Der Server ist ausgelastet; versuchen Sie es gleich noch einmal.", network:"Der Server ist nicht erreichbar.",
  notSeen:"Nummer noch nicht gesehen: Sie steht meist bei der Losnummer und der Anschrift des Herstellers.", notShown:"Ob Magnesium enthalten ist, lässt sich noch nicht sagen: Die Zutaten sind nicht auf dem Foto.",
  addPhoto:"Ein Foto derselben Packung hinzufügen", photos:"Fotos dieser Packung: {n}", stillMissing:"Noch zu fotografieren:", complete:"Vollständig: Nummer und Dosis wurden auf den Fotos dieser Packung gelesen.",
  shootNumber:"Nummer noch nicht gesehen: Fotografieren Sie die Seite mit der Losnummer und der Anschrift des Herstellers, wo die Notifizierungsnummer steht.", shootIngredients:"Fotografieren Sie die Seite mit den Zutaten (das Zutatenverzeichnis oder die Nährwerttabelle).", shootTable:"Fotografieren Sie die Nährwerttabelle mit der Menge Magnesium pro Tablette oder Portion.", shootDirections:"Fotografieren Sie die Verzehrempfehlung (wie viele pro Tag).", shootCloser:"Fotografieren Sie die Notifizierungsnummer näher und bei gutem Licht.",
  disagreeNumber:"Die Fotos zeigen verschiedene Notifizierungsnummern: Prüfen Sie die Packung oder fotografieren Sie die Nummer erneut.", disagreeDose:"Die Fotos zeigen verschiedene Dosen: Prüfen Sie die Packung oder fotografieren Sie die Tabelle erneut.",
  tooLargeTogether:"Die Fotos dieser Packung sind zusammen zu groß: Beginnen Sie mit einer neuen Packung.", tooMany:"Für diese Packung passen keine Fotos mehr: Beginnen Sie mit einer neuen Packung.", unsupported:"Diese Bildart wird nicht gelesen (GIF, HEIC, …): Senden Sie ein JPEG- oder PNG-Foto."}
};
var lang = (navigator.language || "en").slice(0, 2);
try { lang = sessionStorage.getItem("lang") || lang; } catch (e) {}
if (!T[lang]) lang = "en";
function t(key, vars) {
  var s = T[lang][key] || T.en[key] || key;
  Object.keys(vars || {}).forEach(function (k) { s = s.split("{" + k + "}").join(String(vars[k])); });
  return s;
}
function $(id) { return document.getElementById(id); }
function setText(id, text, cls) { var e = $(id); e.textContent = text; e.className = "verdict " + (cls || ""); }
// The pack being photographed: its photos (kept in the page and sent together to api/product,
// which reads and merges them as `scan --product`) and its line in the visit's list.
var product = {key: null, files: [], names: [], images: []};
var last = null;
var before = null;  // the pack shown before a new one was started: back on screen if its first photo fails
function applyLanguage() {
  document.documentElement.lang = lang;
  $("lang").value = lang;
  document.querySelectorAll("[data-t]").forEach(function (e) { e.textContent = t(e.dataset.t); });
  if (last) showResult(last);
  renderIntake();
}
$("lang").addEventListener("change", function () {
  lang = this.value;
  try { sessionStorage.setItem("lang", lang); } catch (e) {}
  applyLanguage();
});
function showError(text) { var e = $("error"); e.textContent = text; e.style.display = text ? "block" : "none"; }
function hasFlag(r, f) { return ((r.assessment || {}).flags || []).indexOf(f) >= 0; }
// Two photos with two different numbers: the merge marks the number invalid and the flag says why.
function numbersDisagree(r) { return r.notification.status === "invalid" && hasFlag(r, "photos_disagree") && !hasFlag(r, "number_invalid"); }
function numberText(n) {
  if (n.status === "valid") return [t("valid", {n: n.number}), "good"];
  if (n.status === "invalid") return [t("invalid", {n: n.text || "", why: (n.problems || []).join("; ")}), "bad"];
  if (n.status === "unreadable") return [t("unreadable", {n: n.text || ""}), "muted"];
  if (n.status === "not_seen") return [t("notSeen"), "muted"];
  return [t("missing"), "bad"];
}
function registryText(n) {
  var s = (n.registry || {}).status;
  if (s === "listed") return t("listed");
  if (s === "not_listed") return t("notListed");
  if (s === "error") return t("regError");
  return "";
}
// What to photograph next, from the fields of the report (as coverage.to_photograph says in English).
function stillToPhotograph(r) {
  var m = r.magnesium, c = r.coverage || {}, out = [];
  if (r.notification.status === "not_seen") out.push(t("shootNumber"));
  if (r.notification.status === "unreadable") out.push(t("shootCloser"));
  if (m.present === null) out.push(t("shootIngredients"));
  if (m.present && m.mg_per_day == null && !hasFlag(r, "photos_disagree")) {
    if (m.mg_per_unit == null && !c.dose) out.push(t("shootTable"));
    if (m.units_per_day == null && !c.directions) out.push(t("shootDirections"));
  }
  return out;
}
function showResult(r) {
  $("result").hidden = false;
  var nt = numbersDisagree(r) ? [t("disagreeNumber"), "bad"] : numberText(r.notification);
  setText("numberVerdict", nt[0], nt[1]);
  $("registry").textContent = registryText(r.notification);
  var m = r.magnesium, level = r.assessment.level, dose;
  if (level === "above_noael") dose = [t("above", {mg: m.mg_per_day}), "bad"];
  else if (level === "within_noael") dose = [t("within", {mg: m.mg_per_day}), "good"];
  else if (m.present === null) dose = [t("notShown"), "muted"];
  else if (hasFlag(r, "photos_disagree") && m.mg_per_day == null && m.mg_per_day_range) dose = [t("disagreeDose"), "bad"];
  else if (level === "unknown") dose = [t("unknown"), "muted"];
  else dose = [t("none"), "muted"];
  setText("doseVerdict", dose[0], dose[1]);
  var advice = $("advice");
  advice.textContent = "";
  var items = [];
  // Only a number read and found absent or wrong supports "better not take it"; an unreadable one
  // or one not on the photos asks for a photo, and two numbers on two photos for a look at the pack.
  if (r.notification.status === "missing" || (r.notification.status === "invalid" && !numbersDisagree(r))) items.push(t("missing"));
  if (m.present) { items.push(t("doctor")); items.push(t("addUp")); }
  items.forEach(function (text) { var li = document.createElement("li"); li.textContent = text; advice.appendChild(li); });
  var next = stillToPhotograph(r), list = $("missingList");
  list.textContent = "";
  next.forEach(function (text) { var li = document.createElement("li"); li.textContent = text; list.appendChild(li); });
  $("stillMissing").hidden = next.length === 0;
  $("complete").hidden = next.length !== 0 || hasFlag(r, "photos_disagree");
  $("photoCount").textContent = t("photos", {n: (r.files || [r.file]).length});
  drawBoxes(r);
}
// The latest photo of the pack, with the boxes of the evidence that lies on it.
function drawBoxes(r) {
  var canvas = $("canvas"), i = product.images.length - 1, img = product.images[i];
  if (!img || !img.complete || !img.naturalWidth) { canvas.hidden = true; return; }
  var name = product.names[i];
  function onPhoto(f) { return !f || f === name; }
  canvas.hidden = false;
  var scale = Math.min(1, 1200 / Math.max(img.width, img.height));
  canvas.width = Math.round(img.width * scale);
  canvas.height = Math.round(img.height * scale);
  var ctx = canvas.getContext("2d");
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  var boxes = 0;
  function box(b, color) {
    if (!b) return;
    ctx.strokeStyle = color; ctx.lineWidth = 3;
    ctx.strokeRect(b[0] * scale, b[1] * scale, b[2] * scale, b[3] * scale);
    boxes++;
  }
  if (onPhoto(r.notification.file)) box(r.notification.box, r.notification.status === "valid" ? "#0d47a1" : "#b00020");
  (r.magnesium.evidence || []).forEach(function (e) {
    if (onPhoto(e.file)) box(e.box, e.role === "dose" ? "#b00020" : e.role === "salt" ? "#1b5e20" : "#e65100");
  });
  canvas.dataset.boxes = String(boxes);
}
function loadIntake() { try { return JSON.parse(sessionStorage.getItem("intake") || "[]"); } catch (e) { return []; } }
function saveIntake(list) { try { sessionStorage.setItem("intake", JSON.stringify(list)); } catch (e) {} }
function renderIntake() {
  var list = loadIntake(), table = $("intakeTable");
  $("intake").hidden = list.length === 0;
  table.textContent = "";
  var total = 0;
  list.forEach(function (p) {
    var tr = table.insertRow();
    tr.insertCell().textContent = p.name;
    tr.insertCell().textContent = p.mg == null ? "?" : p.mg + " mg";
    total += p.mg || 0;
  });
  setText("intakeTotal", t(total > 250 ? "overTotal" : "total", {mg: Math.round(total * 10) / 10}), total > 250 ? "bad" : "good");
}
// A pack is one line of the visit, however many photos it took: its line is replaced as they come.
function recordProduct(r) {
  var list = loadIntake(), entry = {key: product.key, name: r.notification.number || product.files[0].name, mg: r.magnesium.mg_per_day};
  var at = list.findIndex(function (p) { return p.key === product.key; });
  if (at >= 0) list[at] = entry; else list.push(entry);
  saveIntake(list);
  renderIntake();
}
$("clearIntake").addEventListener("click", function () { saveIntake([]); renderIntake(); });
function errorText(status, r) {
  var code = r && r.error ? r.error.code : "";
  if (status === 413) return t(product.files.length > 1 ? "tooLargeTogether" : "tooLarge");
  if (code === "too_many_photos") return t("tooMany");
  if (code === "unsupported_format") return t("unsupported");
  if (status === 415) return t("notImage");
  if (status === 503) return t("busy");
  return t("failed", {why: r && r.error ? r.error.message : status});
}
// Sends every photo of the pack; on an error the photo just added is taken out again and what
// was shown before stays.
function sendProduct(added) {
  var form = new FormData();
  // Phones name every photo "image.jpg": a number in front keeps them apart (the evidence names its photo).
  product.files.forEach(function (f, i) { form.append("image", f, product.names[i]); });
  var xhr = new XMLHttpRequest();
  xhr.open("POST", "api/product");
  $("progress").style.display = "block";
  $("progressText").textContent = t("uploading");
  $("progressBar").removeAttribute("value");
  $("addPhoto").hidden = true;
  function undo() {
    product.files.pop(); product.names.pop(); product.images.pop();
    if (!product.files.length && before) { product = before.product; last = before.last; }
    if (last && product.files.length) { showResult(last); $("addPhoto").hidden = false; }
    else { last = null; $("result").hidden = true; }
  }
  xhr.upload.onprogress = function (e) {
    if (e.lengthComputable) $("progressBar").value = Math.round(100 * e.loaded / e.total);
    if (e.loaded === e.total) { $("progressText").textContent = t("reading"); $("progressBar").removeAttribute("value"); }
  };
  xhr.onload = function () {
    $("progress").style.display = "none";
    var r = null;
    try { r = JSON.parse(xhr.responseText); } catch (e) {}
    if (!r || xhr.status !== 200) { showError(errorText(xhr.status, r)); return undo(); }
    if (!r.ok) { showError(t("failed", {why: r.error.message})); return undo(); }
    last = r;
    showResult(r);
    $("addPhoto").hidden = false;
    recordProduct(r);
  };
  xhr.onerror = function () { $("progress").style.display = "none"; showError(t("network")); undo(); };
  xhr.send(form);
}
function addPhoto(file, newPack) {
  showError("");
  if (newPack) {
    before = last ? {product: product, last: last} : null;
    product = {key: Date.now() + "-" + Math.random().toString(36).slice(2), files: [], names: [], images: []};
    last = null;
    $("result").hidden = true;
  }
  var img = new Image();
  img.onload = function () { if (last && product.images[product.images.length - 1] === img) drawBoxes(last); };
  img.src = URL.createObjectURL(file);
  product.files.push(file);
  product.names.push((product.files.length) + "-" + (file.name || "photo.jpg"));
  product.images.push(img);
  sendProduct();
}
$("file").addEventListener("change", function () {
  var file = this.files[0];
  this.value = "";
  if (file) addPhoto(file, true);
});
$("addFile").addEventListener("change", function () {
  var file = this.files[0];
  this.value = "";
  if (file && product.key) addPhoto(file, false);
});
$("checkNumber").addEventListener("click", function () {
  var n = $("number").value.trim();
  if (!n) return;
  fetch("api/number/" + encodeURIComponent(n)).then(function (res) { return res.json(); }).then(function (r) {
    var nt = numberText(r.status === "invalid" && !r.text ? Object.assign(r, {text: n}) : r);
    var reg = registryText(r);
    setText("numberResult", nt[0] + (reg ? " " + reg : ""), nt[1]);
  }).catch(function () { showError(t("network")); });
});
$("number").addEventListener("keydown", function (e) { if (e.key === "Enter") $("checkNumber").click(); });
applyLanguage();
