function M7(t,i,e){var s=null,o=n6(!0),h=null,_=N8,r=null,a=y5(l);function l(n){var l,c,u,f,y,x=(n=w6(n)).length,p=!1,v=new Array(x),d=new Array(x);for(null==h&&(r=_(y=a())),l=0;l<=x;++l){if(!(l<x&&o(f=n[l],l,n))===p)if(p=!p)c=l,r.areaStart(),r.lineStart();else{for(r.lineEnd(),r.lineStart(),u=l-1;u>=c;--u)r.point(v[u],d[u]);r.lineEnd(),r.areaEnd();}p&&(v[l]=+t(f,l,n),d[l]=+i(f,l,n),r.point(s?+s(f,l,n):v[l],e?+e(f,l,n):d[l]));}if(y)return r=null,y+""||null;}function c(){return A9().defined(o).curve(_).context(h);}return t="function"==typeof t?t:void 0===t?S8:n6(+t),i="function"==typeof i?i:n6(void 0===i?0:+i),e="function"==typeof e?e:void 0===e?E9:n6(+e),l.x=function(i){return arguments.length?(t="function"==typeof i?i:n6(+i),s=null,l):t;},l.x0=function(i){return arguments.length?(t="function"==typeof i?i:n6(+i),l):t;},l.x1=function(t){return arguments.length?(s=null==t?null:"function"==typeof t?t:n6(+t),l):s;},l.y=function(t){return arguments.length?(i="function"==typeof t?t:n6(+t),e=null,l):i;},l.y0=function(t){return arguments.length?(i="function"==typeof t?t:n6(+t),l):i;},l.y1=function(t){return arguments.length?(e=null==t?null:"function"==typeof t?t:n6(+t),l):e;},l.lineX0=l.lineY0=function(){return c().x(t).y(i);},l.lineY1=function(){return c().x(t).y(e);},l.lineX1=function(){return c().x(s).y(i);},l.defined=function(t){return arguments.length?(o="function"==typeof t?t:n6(!!t),l):o;},l.curve=function(t){return arguments.length?(_=t,null!=h&&(r=_(h)),l):_;},l.context=function(t){return arguments.length?(null==t?h=r=null:r=_(h=t),l):h;},l;}
function z8(t){this._curve=t;}
function X8(t){function n(n){return new z8(t(n));}return n._curve=t,n;}
function kt3(t,i){let e=null,s=y5(o);function o(){let n;if(e||(e=n=s()),t.apply(this,arguments).draw(e,+i.apply(this,arguments)),n)return e=null,n+""||null;}return t="function"==typeof t?t:n6(t||Z8),i="function"==typeof i?i:n6(void 0===i?64:+i),o.type=function(i){return arguments.length?(t="function"==typeof i?i:n6(i),o):t;},o.size=function(t){return arguments.length?(i="function"==typeof t?t:n6(+t),o):i;},o.context=function(t){return arguments.length?(e=null==t?null:t,o):e;},o;}
function Nt2(){}
function St2(t,n,i){t._context.bezierCurveTo((2*t._x0+t._x1)/3,(2*t._y0+t._y1)/3,(t._x0+2*t._x1)/3,(t._y0+2*t._y1)/3,(t._x0+4*t._x1+n)/6,(t._y0+4*t._y1+i)/6);}
function Et2(t){this._context=t;}
function At1(t){return new Et2(t);}
function Mt3(t){this._context=t;}
function Pt1(t){return new Mt3(t);}
function Ct2(t){this._context=t;}
function Ot2(t){return new Ct2(t);}
function Rt2(t,n){this._basis=new Et2(t),this._beta=n;}
function Xt(t,n,i){t._context.bezierCurveTo(t._x1+t._k*(t._x2-t._x0),t._y1+t._k*(t._y2-t._y0),t._x2+t._k*(t._x1-n),t._y2+t._k*(t._y1-i),t._x2,t._y2);}
function Yt2(t,n){this._context=t,this._k=(1-n)/6;}
function qt3(t,n){this._context=t,this._k=(1-n)/6;}
function It2(t,n){this._context=t,this._k=(1-n)/6;}
function Lt1(t,n,i){var e=t._x1,s=t._y1,o=t._x2,h=t._y2;if(t._l01_a>1e-12){var _=2*t._l01_2a+3*t._l01_a*t._l12_a+t._l12_2a,r=3*t._l01_a*(t._l01_a+t._l12_a);e=(e*_-t._x0*t._l12_2a+t._x2*t._l01_2a)/r,s=(s*_-t._y0*t._l12_2a+t._y2*t._l01_2a)/r;}if(t._l23_a>1e-12){var l=2*t._l23_2a+3*t._l23_a*t._l12_a+t._l12_2a,c=3*t._l23_a*(t._l23_a+t._l12_a);o=(o*l+t._x1*t._l23_2a-n*t._l12_2a)/c,h=(h*l+t._y1*t._l23_2a-i*t._l12_2a)/c;}t._context.bezierCurveTo(e,s,o,h,t._x2,t._y2);}
function Wt1(t,n){this._context=t,this._alpha=n;}
function $t1(t,n){this._context=t,this._alpha=n;}
function Gt(t,n){this._context=t,this._alpha=n;}
function Jt1(t){this._context=t;}
function Kt1(t){return new Jt1(t);}
function Qt(t){return t<0?-1:1;}
function Ut2(t,n,i){var e=t._x1-t._x0,s=n-t._x1,o=(t._y1-t._y0)/(e||s<0&&-0),h=(i-t._y1)/(s||e<0&&-0),_=(o*s+h*e)/(e+s);return(Qt(o)+Qt(h))*Math.min(Math.abs(o),Math.abs(h),.5*Math.abs(_))||0;}
function Zt(t,n){var i=t._x1-t._x0;return i?(3*(t._y1-t._y0)/i-n)/2:n;}
function tn2(t,n,i){var e=t._x0,s=t._y0,o=t._x1,h=t._y1,_=(o-e)/3;t._context.bezierCurveTo(e+_,s+_*n,o-_,h-_*i,o,h);}
function nn2(t){this._context=t;}
function en2(t){this._context=new sn2(t);}
function sn2(t){this._context=t;}
function on2(t){return new nn2(t);}
function hn2(t){return new en2(t);}
function _n1(t){this._context=t;}
function rn2(t){var n,i,e=t.length-1,s=new Array(e),o=new Array(e),h=new Array(e);for(s[0]=0,o[0]=2,h[0]=t[0]+2*t[1],n=1;n<e-1;++n)s[n]=1,o[n]=4,h[n]=4*t[n]+2*t[n+1];for(s[e-1]=2,o[e-1]=7,h[e-1]=8*t[e-1]+t[e],n=1;n<e;++n)i=s[n]/o[n-1],o[n]-=i,h[n]-=i*h[n-1];for(s[e-1]=h[e-1]/o[e-1],n=e-2;n>=0;--n)s[n]=(h[n]-s[n+1])/o[n];for(o[e-1]=(t[e]+s[e-1])/2,n=0;n<e-1;++n)o[n]=2*t[n+1]-s[n+1];return[s,o];}
function an2(t){return new _n1(t);}
function ln2(t,n){this._context=t,this._t=n;}
function cn2(t){return new ln2(t,.5);}
function un2(t){return new ln2(t,0);}
function fn2(t){return new ln2(t,1);}
function e8(e,t){if("undefined"!=typeof document&&document.createElement){const n=document.createElement("canvas");if(n&&n.getContext)return n.width=e,n.height=t,n;}return null;}
function t7(t,e,i){t.prototype=e.prototype=i,i.constructor=t;}
function e9(t,e){var i=Object.create(t.prototype);for(var n in e)i[n]=e[n];return i;}
function i9(){}
function f6(){return this.rgb().formatHex();}
function w7(){return this.rgb().formatRgb();}
function y6(t){var e,i;return t=(t+"").trim().toLowerCase(),(e=o7.exec(t))?(i=e[1].length,e=parseInt(e[1],16),6===i?m8(e):3===i?new M8(e>>8&15|e>>4&240,e>>4&15|240&e,(15&e)<<4|15&e,1):8===i?$8(e>>24&255,e>>16&255,e>>8&255,(255&e)/255):4===i?$8(e>>12&15|e>>8&240,e>>8&15|e>>4&240,e>>4&15|240&e,((15&e)<<4|15&e)/255):null):(e=l8.exec(t))?new M8(e[1],e[2],e[3],1):(e=u9.exec(t))?new M8(255*e[1]/100,255*e[2]/100,255*e[3]/100,1):(e=c7.exec(t))?$8(e[1],e[2],e[3],e[4]):(e=g7.exec(t))?$8(255*e[1]/100,255*e[2]/100,255*e[3]/100,e[4]):(e=p8.exec(t))?E10(e[1],e[2]/100,e[3]/100,1):(e=b7.exec(t))?E10(e[1],e[2]/100,e[3]/100,e[4]):d7.hasOwnProperty(t)?m8(d7[t]):"transparent"===t?new M8(NaN,NaN,NaN,0):null;}
function m8(t){return new M8(t>>16&255,t>>8&255,255&t,1);}
function $8(t,e,i,n){return n<=0&&(t=e=i=NaN),new M8(t,e,i,n);}
function N9(t){return t instanceof i9||(t=y6(t)),t?new M8((t=t.rgb()).r,t.g,t.b,t.opacity):new M8;}
function k8(t,e,i,n){return 1===arguments.length?N9(t):new M8(t,e,i,null==n?1:n);}
function M8(t,e,i,n){this.r=+t,this.g=+e,this.b=+i,this.opacity=+n;}
function v8(){return`#${R8(this.r)}${R8(this.g)}${R8(this.b)}`;}
function x8(){const t=q8(this.opacity);return`${1===t?"rgb(":"rgba("}${H8(this.r)}, ${H8(this.g)}, ${H8(this.b)}${1===t?")":`, ${t})`}`;}
function q8(t){return isNaN(t)?1:Math.max(0,Math.min(1,t));}
function H8(t){return Math.max(0,Math.min(255,Math.round(t)||0));}
function R8(t){return((t=H8(t))<16?"0":"")+t.toString(16);}
function E10(t,e,i,n){return n<=0?t=e=i=NaN:i<=0||i>=1?t=e=NaN:e<=0&&(t=NaN),new O7(t,e,i,n);}
function j7(t){if(t instanceof O7)return new O7(t.h,t.s,t.l,t.opacity);if(t instanceof i9||(t=y6(t)),!t)return new O7;if(t instanceof O7)return t;var e=(t=t.rgb()).r/255,n=t.g/255,r=t.b/255,a=Math.min(e,n,r),s=Math.max(e,n,r),h=NaN,o=s-a,l=(s+a)/2;return o?(h=e===s?(n-r)/o+6*(n<r):n===s?(r-e)/o+2:(e-n)/o+4,o/=l<.5?s+a:2-s-a,h*=60):o=l>0&&l<1?0:h,new O7(h,o,l,t.opacity);}
function I7(t,e,i,n){return 1===arguments.length?j7(t):new O7(t,e,i,null==n?1:n);}
function O7(t,e,i,n){this.h=+t,this.s=+e,this.l=+i,this.opacity=+n;}
function P7(t){return(t=(t||0)%360)<0?t+360:t;}
function S9(t){return Math.max(0,Math.min(1,t||0));}
function z9(t,e,i){return 255*(t<60?e+(i-e)*t/60:t<180?i:t<240?e+(i-e)*(240-t)/60:e);}
function K9(t){if(t instanceof U6)return new U6(t.l,t.a,t.b,t.opacity);if(t instanceof et4)return it4(t);t instanceof M8||(t=N9(t));var e,i,n=Y8(t.r),r=Y8(t.g),a=Y8(t.b),s=V7((.2225045*n+.7168786*r+.0606169*a)/1);return n===r&&r===a?e=i=s:(e=V7((.4360747*n+.3850649*r+.1430804*a)/A10),i=V7((.0139322*n+.0971045*r+.7141733*a)/B8)),new U6(116*s-16,500*(e-s),200*(s-i),t.opacity);}
function T7(t,e,i,n){return 1===arguments.length?K9(t):new U6(t,e,i,null==n?1:n);}
function U6(t,e,i,n){this.l=+t,this.a=+e,this.b=+i,this.opacity=+n;}
function V7(t){return t>J9?Math.pow(t,1/3):t/G9+D7;}
function W8(t){return t>F7?t*t*t:G9*(t-D7);}
function X9(t){return 255*(t<=.0031308?12.92*t:1.055*Math.pow(t,1/2.4)-.055);}
function Y8(t){return(t/=255)<=.04045?t/12.92:Math.pow((t+.055)/1.055,2.4);}
function Z9(t){if(t instanceof et4)return new et4(t.h,t.c,t.l,t.opacity);if(t instanceof U6||(t=K9(t)),0===t.a&&0===t.b)return new et4(NaN,0<t.l&&t.l<100?0:NaN,t.l,t.opacity);var e=Math.atan2(t.b,t.a)*L7;return new et4(e<0?e+360:e,Math.sqrt(t.a*t.a+t.b*t.b),t.l,t.opacity);}
function tt5(t,e,i,n){return 1===arguments.length?Z9(t):new et4(t,e,i,null==n?1:n);}
function et4(t,e,i,n){this.h=+t,this.c=+e,this.l=+i,this.opacity=+n;}
function it4(t){if(isNaN(t.h))return new U6(t.l,0,0,t.opacity);var e=t.h*C8;return new U6(t.l,Math.cos(e)*t.c,Math.sin(e)*t.c,t.opacity);}
function ct4(t,e,i,n){return 1===arguments.length?function(t){if(t instanceof gt4)return new gt4(t.h,t.s,t.l,t.opacity);t instanceof M8||(t=N9(t));var e=t.r/255,i=t.g/255,n=t.b/255,r=(ut4*n+ot4*e-lt4*i)/(ut4+ot4-lt4),a=n-r,s=(ht4*(i-r)-at5*a)/st4,h=Math.sqrt(s*s+a*a)/(ht4*r*(1-r)),o=h?Math.atan2(s,a)*L7-120:NaN;return new gt4(o<0?o+360:o,h,r,t.opacity);}(t):new gt4(t,e,i,null==n?1:n);}
function gt4(t,e,i,n){this.h=+t,this.s=+e,this.l=+i,this.opacity=+n;}
function u10(t,n,r,e,a){var o=t*t,u=o*t;return((1-3*t+3*o-u)*n+(4-6*o+3*u)*r+(1+3*t+3*o-3*u)*e+u*a)/6;}
function i10(t){var n=t.length-1;return function(r){var e=r<=0?r=0:r>=1?(r=1,n-1):Math.floor(r*n),a=t[e],o=t[e+1],i=e>0?t[e-1]:2*a-o,c=e<n-1?t[e+2]:2*o-a;return u10((r-e/n)*n,i,a,o,c);};}
function c8(t){var n=t.length;return function(r){var e=Math.floor(((r%=1)<0?++r:r)*n),a=t[(e+n-1)%n],o=t[e%n],i=t[(e+1)%n],c=t[(e+2)%n];return u10((r-e/n)*n,a,o,i,c);};}
function s10(t,n){return function(r){return t+r*n;};}
function f7(t,n){var r=n-t;return r?s10(t,r>180||r<-180?r-360*Math.round(r/360):r):l9(isNaN(t)?n:t);}
function h9(t){return 1==(t=+t)?p9:function(n,r){return r-n?function(t,n,r){return t=Math.pow(t,r),n=Math.pow(n,r)-t,r=1/r,function(e){return Math.pow(t+e*n,r);};}(n,r,t):l9(isNaN(n)?r:n);};}
function p9(t,n){var r=n-t;return r?s10(t,r):l9(isNaN(t)?n:t);}
function g8(n){return function(r){var e,a,o=r.length,u=new Array(o),i=new Array(o),c=new Array(o);for(e=0;e<o;++e)a=k8(r[e]),u[e]=a.r||0,i[e]=a.g||0,c[e]=a.b||0;return u=n(u),i=n(i),c=n(c),a.opacity=1,function(t){return a.r=u(t),a.g=i(t),a.b=c(t),a+"";};};}
function y7(t,n){n||(n=[]);var r,e=t?Math.min(n.length,t.length):0,a=n.slice();return function(o){for(r=0;r<e;++r)a[r]=t[r]*(1-o)+n[r]*o;return a;};}
function b8(t){return ArrayBuffer.isView(t)&&!(t instanceof DataView);}
function w8(t,n){return(b8(n)?y7:m9)(t,n);}
function m9(t,n){var r,e=n?n.length:0,a=t?Math.min(e,t.length):0,o=new Array(a),u=new Array(e);for(r=0;r<a;++r)o[r]=R9(t[r],n[r]);for(;r<e;++r)u[r]=n[r];return function(t){for(r=0;r<a;++r)u[r]=o[r](t);return u;};}
function d8(t,n){var r=new Date;return t=+t,n=+n,function(e){return r.setTime(t*(1-e)+n*e),r;};}
function X10(t,n){return t=+t,n=+n,function(r){return t*(1-r)+n*r;};}
function A11(t,n){var r,e={},a={};for(r in null!==t&&"object"==typeof t||(t={}),null!==n&&"object"==typeof n||(n={}),n)r in t?e[r]=R9(t[r],n[r]):a[r]=n[r];return function(t){for(r in e)a[r]=e[r](t);return a;};}
function D8(t,n){var r,e,a,o=N10.lastIndex=Y9.lastIndex=0,u=-1,i=[],c=[];for(t+="",n+="";(r=N10.exec(t))&&(e=Y9.exec(n));)(a=e.index)>o&&(a=n.slice(o,a),i[u]?i[u]+=a:i[++u]=a),(r=r[0])===(e=e[0])?i[u]?i[u]+=e:i[++u]=e:(i[++u]=null,c.push({i:u,x:X10(r,e)})),o=Y9.lastIndex;return o<n.length&&(a=n.slice(o),i[u]?i[u]+=a:i[++u]=a),i.length<2?c[0]?function(t){return function(n){return t(n)+"";};}(c[0].x):function(t){return function(){return t;};}(n):(n=c.length,function(t){for(var r,e=0;e<n;++e)i[(r=c[e]).i]=r.x(t);return i.join("");});}
function R9(t,r){var e,a=typeof r;return null==r||"boolean"===a?l9(r):("number"===a?X10:"string"===a?(e=y6(r))?(r=e,v9):D8:r instanceof y6?v9:r instanceof Date?d8:b8(r)?y7:Array.isArray(r)?m9:"function"!=typeof r.valueOf&&"function"!=typeof r.toString||isNaN(r)?A11:X10)(t,r);}
function S10(t){var n=t.length;return function(r){return t[Math.max(0,Math.min(n-1,Math.floor(r*n)))];};}
function k9(t,n){var r=f7(+t,+n);return function(t){var n=r(t);return n-360*Math.floor(n/360);};}
function j8(t,n){return t=+t,n=+n,function(r){return Math.round(t*(1-r)+n*r);};}
function H9(t,n,r,e,a,o){var u,i,c;return(u=Math.sqrt(t*t+n*n))&&(t/=u,n/=u),(c=t*r+n*e)&&(r-=t*c,e-=n*c),(i=Math.sqrt(r*r+e*e))&&(r/=i,e/=i,c/=i),t*e<n*r&&(t=-t,n=-n,c=-c,u=-u),{translateX:a,translateY:o,rotate:Math.atan2(n,t)*B9,skewX:Math.atan(c)*B9,scaleX:u,scaleY:i};}
function I8(t,n,r,e){function a(t){return t.length?t.pop()+" ":"";}return function(o,u){var i=[],c=[];return o=t(o),u=t(u),function(t,e,a,o,u,i){if(t!==a||e!==o){var c=u.push("translate(",null,n,null,r);i.push({i:c-4,x:X10(t,a)},{i:c-2,x:X10(e,o)});}else(a||o)&&u.push("translate("+a+n+o+r);}(o.translateX,o.translateY,u.translateX,u.translateY,i,c),function(t,n,r,o){t!==n?(t-n>180?n+=360:n-t>180&&(t+=360),o.push({i:r.push(a(r)+"rotate(",null,e)-2,x:X10(t,n)})):n&&r.push(a(r)+"rotate("+n+e);}(o.rotate,u.rotate,i,c),function(t,n,r,o){t!==n?o.push({i:r.push(a(r)+"skewX(",null,e)-2,x:X10(t,n)}):n&&r.push(a(r)+"skewX("+n+e);}(o.skewX,u.skewX,i,c),function(t,n,r,e,o,u){if(t!==r||n!==e){var i=o.push(a(o)+"scale(",null,",",null,")");u.push({i:i-4,x:X10(t,r)},{i:i-2,x:X10(n,e)});}else 1===r&&1===e||o.push(a(o)+"scale("+r+","+e+")");}(o.scaleX,o.scaleY,u.scaleX,u.scaleY,i,c),o=u=null,function(t){for(var n,r=-1,e=c.length;++r<e;)i[(n=c[r]).i]=n.x(t);return i.join("");};};}
function E11(t){return((t=Math.exp(t))+1/t)/2;}
function V8(t){return function(n,e){var a=t((n=I7(n)).h,(e=I7(e)).h),o=p9(n.s,e.s),u=p9(n.l,e.l),i=p9(n.opacity,e.opacity);return function(t){return n.h=a(t),n.s=o(t),n.l=u(t),n.opacity=i(t),n+"";};};}
function P8(t,n){var r=p9((t=T7(t)).l,(n=T7(n)).l),a=p9(t.a,n.a),o=p9(t.b,n.b),u=p9(t.opacity,n.opacity);return function(n){return t.l=r(n),t.a=a(n),t.b=o(n),t.opacity=u(n),t+"";};}
function W9(t){return function(n,r){var e=t((n=tt5(n)).h,(r=tt5(r)).h),o=p9(n.c,r.c),u=p9(n.l,r.l),i=p9(n.opacity,r.opacity);return function(t){return n.h=e(t),n.c=o(t),n.l=u(t),n.opacity=i(t),n+"";};};}
function F8(t){return function n(r){function e(n,e){var a=t((n=ct4(n)).h,(e=ct4(e)).h),u=p9(n.s,e.s),i=p9(n.l,e.l),c=p9(n.opacity,e.opacity);return function(t){return n.h=a(t),n.s=u(t),n.l=i(Math.pow(t,r)),n.opacity=c(t),n+"";};}return r=+r,e.gamma=n,e;}(1);}
function U7(t,n){void 0===n&&(n=t,t=R9);for(var r=0,e=n.length-1,a=n[0],o=new Array(e<0?0:e);r<e;)o[r]=t(a,a=n[++r]);return function(t){var n=Math.max(0,Math.min(e-1,Math.floor(t*=e)));return o[n](t-n);};}
function $9(t,n){for(var r=new Array(n),e=0;e<n;++e)r[e]=t(e/(n-1));return r;}
function B10(n,t){switch(arguments.length){case 0:break;case 1:this.range(n);break;default:this.range(t).domain(n);}return this;}
function C10(n,t){switch(arguments.length){case 0:break;case 1:"function"==typeof n?this.interpolator(n):this.range(n);break;default:this.domain(n),"function"==typeof t?this.interpolator(t):this.range(t);}return this;}
function Y10(){var t=new e3,r=[],e=[],u=z11;function a(n){let a=t.get(n);if(void 0===a){if(u!==z11)return u;t.set(n,a=r.push(n)-1);}return e[a%e.length];}return a.domain=function(e){if(!arguments.length)return r.slice();r=[],t=new e3;for(const n of e)t.has(n)||t.set(n,r.push(n)-1);return a;},a.range=function(n){return arguments.length?(e=Array.from(n),a):e.slice();},a.unknown=function(n){return arguments.length?(u=n,a):u;},a.copy=function(){return Y10(r,e).unknown(u);},B10.apply(a,arguments),a;}
function J11(n){return+n;}
function V9(n){return n;}
function W10(n,t){return(t-=n=+n)?function(r){return(r-n)/t;}:(r=isNaN(t)?NaN:.5,function(){return r;});var r;}
function X11(n,t,r){var e=n[0],u=n[1],a=t[0],o=t[1];return u<e?(e=W10(u,e),a=r(o,a)):(e=W10(e,u),a=r(a,o)),function(n){return a(e(n));};}
function Z11(n,t,e){var u=Math.min(n.length,t.length)-1,a=new Array(u),o=new Array(u),i=-1;for(n[u]<n[0]&&(n=n.slice().reverse(),t=t.slice().reverse());++i<u;)a[i]=W10(n[i],n[i+1]),o[i]=e(t[i],t[i+1]);return function(t){var e=l2(n,t,1,u)-1;return o[e](a[e](t));};}
function $10(n,t){return t.domain(n.domain()).range(n.range()).interpolate(n.interpolate()).clamp(n.clamp()).unknown(n.unknown());}
function _8(){var n,t,r,e,u,a,o=K11,i=K11,c=R9,p=V9;function h(){var n,t,r,c=Math.min(o.length,i.length);return p!==V9&&(n=o[0],t=o[c-1],n>t&&(r=n,n=t,t=r),p=function(r){return Math.max(n,Math.min(t,r));}),e=c>2?Z11:X11,u=a=null,g;}function g(t){return null==t||isNaN(t=+t)?r:(u||(u=e(o.map(n),i,c)))(n(p(t)));}return g.invert=function(r){return p(t((a||(a=e(i,o.map(n),X10)))(r)));},g.domain=function(n){return arguments.length?(o=Array.from(n,J11),h()):o.slice();},g.range=function(n){return arguments.length?(i=Array.from(n),h()):i.slice();},g.rangeRound=function(n){return i=Array.from(n),c=j8,h();},g.clamp=function(n){return arguments.length?(p=!!n||V9,h()):p!==V9;},g.interpolate=function(n){return arguments.length?(c=n,h()):c;},g.unknown=function(n){return arguments.length?(r=n,g):r;},function(r,e){return n=r,t=e,h();};}
function nn3(){return _8()(V9,V9);}
function tn3(n,t,r,u){var a,o=nt(n,t,r);switch((u=e5(null==u?",f":u)).type){case"s":var i=Math.max(Math.abs(n),Math.abs(t));return null!=u.precision||isNaN(a=v2(o,i))||(u.precision=a),u5(u,i);case"":case"e":case"g":case"p":case"r":null!=u.precision||isNaN(a=M1(o,Math.max(Math.abs(n),Math.abs(t))))||(u.precision=a-("e"===u.type));break;case"f":case"%":null!=u.precision||isNaN(a=p3(o))||(u.precision=a-2*("%"===u.type));}return l3(u);}
function rn3(n){var t=n.domain;return n.ticks=function(n){var r=t();return $1(r[0],r[r.length-1],null==n?10:n);},n.tickFormat=function(n,r){var e=t();return tn3(e[0],e[e.length-1],null==n?10:n,r);},n.nice=function(r){null==r&&(r=10);var e,u,o=t(),i=0,c=o.length-1,l=o[i],f=o[c],s=10;for(f<l&&(u=l,l=f,f=u,u=i,i=c,c=u);s-- >0;){if((u=tt(l,f,r))===e)return o[i]=l,o[c]=f,t(o);if(u>0)l=Math.floor(l/u)*u,f=Math.ceil(f/u)*u;else{if(!(u<0))break;l=Math.ceil(l*u)/u,f=Math.floor(f*u)/u;}e=u;}return n;},n;}
function en3(){var n=nn3();return n.copy=function(){return $10(n,en3());},B10.apply(n,arguments),rn3(n);}
function un3(n){var t;function r(n){return null==n||isNaN(n=+n)?t:n;}return r.invert=r,r.domain=r.range=function(t){return arguments.length?(n=Array.from(t,J11),r):n.slice();},r.unknown=function(n){return arguments.length?(t=n,r):t;},r.copy=function(){return un3(n).unknown(t);},n=arguments.length?Array.from(n,J11):[0,1],rn3(r);}
function an3(n,t){var r,e=0,u=(n=n.slice()).length-1,a=n[e],o=n[u];return o<a&&(r=e,e=u,u=r,r=a,a=o,o=r),n[e]=t.floor(a),n[u]=t.ceil(o),n;}
function on3(n){return Math.log(n);}
function cn3(n){return Math.exp(n);}
function ln3(n){return-Math.log(-n);}
function fn3(n){return-Math.exp(-n);}
function sn3(n){return isFinite(n)?+("1e"+n):n<0?0:n;}
function pn2(n){return(t,r)=>-n(-t,r);}
function hn3(n){const t=n(on3,cn3),r=t.domain;let e,a,o=10;function i(){return e=function(n){return n===Math.E?Math.log:10===n&&Math.log10||2===n&&Math.log2||(n=Math.log(n),t=>Math.log(t)/n);}(o),a=function(n){return 10===n?sn3:n===Math.E?Math.exp:t=>Math.pow(n,t);}(o),r()[0]<0?(e=pn2(e),a=pn2(a),n(ln3,fn3)):n(on3,cn3),t;}return t.base=function(n){return arguments.length?(o=+n,i()):o;},t.domain=function(n){return arguments.length?(r(n),i()):r();},t.ticks=n=>{const t=r();let i=t[0],c=t[t.length-1];const l=c<i;l&&([i,c]=[c,i]);let f,s,p=e(i),h=e(c);const g=null==n?10:+n;let m=[];if(!(o%1)&&h-p<g){if(p=Math.floor(p),h=Math.ceil(h),i>0){for(;p<=h;++p)for(f=1;f<o;++f)if(s=p<0?f/a(-p):f*a(p),!(s<i)){if(s>c)break;m.push(s);}}else for(;p<=h;++p)for(f=o-1;f>=1;--f)if(s=p>0?f/a(-p):f*a(p),!(s<i)){if(s>c)break;m.push(s);}2*m.length<g&&(m=$1(i,c,g));}else m=$1(p,h,Math.min(h-p,g)).map(a);return l?m.reverse():m;},t.tickFormat=(n,r)=>{if(null==n&&(n=10),null==r&&(r=10===o?"s":","),"function"!=typeof r&&(o%1||null!=(r=e5(r)).precision||(r.trim=!0),r=l3(r)),n===1/0)return r;const u=Math.max(1,o*n/t.ticks().length);return n=>{let t=n/a(Math.round(e(n)));return t*o<o-.5&&(t*=o),t<=u?r(n):"";};},t.nice=()=>r(an3(r(),{floor:n=>a(Math.floor(e(n))),ceil:n=>a(Math.ceil(e(n)))})),t;}
function gn2(){const n=hn3(_8()).domain([1,10]);return n.copy=()=>$10(n,gn2()).base(n.base()),B10.apply(n,arguments),n;}
function mn2(n){return function(t){return Math.sign(t)*Math.log1p(Math.abs(t/n));};}
function dn2(n){return function(t){return Math.sign(t)*Math.expm1(Math.abs(t))*n;};}
function yn2(n){var t=1,r=n(mn2(t),dn2(t));return r.constant=function(r){return arguments.length?n(mn2(t=+r),dn2(t)):t;},rn3(r);}
function vn2(){var n=yn2(_8());return n.copy=function(){return $10(n,vn2()).constant(n.constant());},B10.apply(n,arguments);}
function Mn2(n){return function(t){return t<0?-Math.pow(-t,n):Math.pow(t,n);};}
function wn2(n){return n<0?-Math.sqrt(-n):Math.sqrt(n);}
function kn1(n){return n<0?-n*n:n*n;}
function Nn1(n){var t=n(V9,V9),r=1;return t.exponent=function(t){return arguments.length?1===(r=+t)?n(V9,V9):.5===r?n(wn2,kn1):n(Mn2(r),Mn2(1/r)):r;},rn3(t);}
function xn2(){var n=Nn1(_8());return n.copy=function(){return $10(n,xn2()).exponent(n.exponent());},B10.apply(n,arguments),n;}
function bn2(){return xn2.apply(null,arguments).exponent(.5);}
function Sn2(){var n,t=[],e=[],u=[];function a(){var n=0,r=Math.max(1,e.length);for(u=new Array(r-1);++n<r;)u[n-1]=yt(t,n/r);return c;}function c(t){return null==t||isNaN(t=+t)?n:e[l2(u,t)];}return c.invertExtent=function(n){var r=e.indexOf(n);return r<0?[NaN,NaN]:[r>0?u[r-1]:t[0],r<u.length?u[r]:t[t.length-1]];},c.domain=function(n){if(!arguments.length)return t.slice();t=[];for(let r of n)null==r||isNaN(r=+r)||t.push(r);return t.sort(r4),a();},c.range=function(n){return arguments.length?(e=Array.from(n),a()):e.slice();},c.unknown=function(t){return arguments.length?(n=t,c):n;},c.quantiles=function(){return u.slice();},c.copy=function(){return Sn2().domain(t).range(e).unknown(n);},B10.apply(c,arguments);}
function Dn2(){var n,t=0,e=1,u=1,a=[.5],o=[0,1];function i(t){return null!=t&&t<=t?o[l2(a,t,0,u)]:n;}function c(){var n=-1;for(a=new Array(u);++n<u;)a[n]=((n+1)*e-(n-u)*t)/(u+1);return i;}return i.domain=function(n){return arguments.length?([t,e]=n,t=+t,e=+e,c()):[t,e];},i.range=function(n){return arguments.length?(u=(o=Array.from(n)).length-1,c()):o.slice();},i.invertExtent=function(n){var r=o.indexOf(n);return r<0?[NaN,NaN]:r<1?[t,a[0]]:r>=u?[a[u-1],e]:[a[r-1],a[r]];},i.unknown=function(t){return arguments.length?(n=t,i):i;},i.thresholds=function(){return a.slice();},i.copy=function(){return Dn2().domain([t,e]).range(o).unknown(n);},B10.apply(rn3(i),arguments);}
function In1(){var n,t=[.5],e=[0,1],u=1;function a(a){return null!=a&&a<=a?e[l2(t,a,0,u)]:n;}return a.domain=function(n){return arguments.length?(t=Array.from(n),u=Math.min(t.length,e.length-1),a):t.slice();},a.range=function(n){return arguments.length?(e=Array.from(n),u=Math.min(t.length,e.length-1),a):e.slice();},a.invertExtent=function(n){var r=e.indexOf(n);return[t[r-1],t[r]];},a.unknown=function(t){return arguments.length?(n=t,a):n;},a.copy=function(){return In1().domain(t).range(e).unknown(n);},B10.apply(a,arguments);}
function On1(n){return new Date(n);}
function Rn1(n){return n instanceof Date?+n:+new Date(+n);}
function En1(n,t,r,e,u,a,o,i,c,l){var f=nn3(),s=f.invert,p=f.domain,h=l(".%L"),g=l(":%S"),m=l("%I:%M"),d=l("%I %p"),y=l("%a %d"),v=l("%b %d"),M=l("%B"),w=l("%Y");function k(n){return(c(n)<n?h:i(n)<n?g:o(n)<n?m:a(n)<n?d:e(n)<n?u(n)<n?y:v:r(n)<n?M:w)(n);}return f.invert=function(n){return new Date(s(n));},f.domain=function(n){return arguments.length?p(Array.from(n,Rn1)):p().map(On1);},f.ticks=function(t){var r=p();return n(r[0],r[r.length-1],null==t?10:t);},f.tickFormat=function(n,t){return null==t?k:l(t);},f.nice=function(n){var r=p();return n&&"function"==typeof n.range||(n=t(r[0],r[r.length-1],null==n?10:n)),n?p(an3(r,n)):f;},f.copy=function(){return $10(f,En1(n,t,r,e,u,a,o,i,c,l));},f;}
function Ln1(){return B10.apply(En1(he,me,ie,oe,O,y1,F2,M2,C2,v4).domain([new Date(2e3,0,1),new Date(2e3,0,2)]),arguments);}
function Fn1(){return B10.apply(En1(Ue,Me,ce,ge,P1,v3,d3,m3,C2,m4).domain([Date.UTC(2e3,0,1),Date.UTC(2e3,0,2)]),arguments);}
function Pn1(){var n,t,r,e,u,a=0,o=1,i=V9,c=!1;function l(t){return null==t||isNaN(t=+t)?u:i(0===r?.5:(t=(e(t)-n)*r,c?Math.max(0,Math.min(1,t)):t));}function p(n){return function(t){var r,e;return arguments.length?([r,e]=t,i=n(r,e),l):[i(0),i(1)];};}return l.domain=function(u){return arguments.length?([a,o]=u,n=e(a=+a),t=e(o=+o),r=n===t?0:1/(t-n),l):[a,o];},l.clamp=function(n){return arguments.length?(c=!!n,l):c;},l.interpolator=function(n){return arguments.length?(i=n,l):i;},l.range=p(R9),l.rangeRound=p(j8),l.unknown=function(n){return arguments.length?(u=n,l):u;},function(u){return e=u,n=u(a),t=u(o),r=n===t?0:1/(t-n),l;};}
function Tn1(n,t){return t.domain(n.domain()).interpolator(n.interpolator()).clamp(n.clamp()).unknown(n.unknown());}
function Qn(){var n=rn3(Pn1()(V9));return n.copy=function(){return Tn1(n,Qn());},C10.apply(n,arguments);}
function Un1(){var n=hn3(Pn1()).domain([1,10]);return n.copy=function(){return Tn1(n,Un1()).base(n.base());},C10.apply(n,arguments);}
function Bn(){var n=yn2(Pn1());return n.copy=function(){return Tn1(n,Bn()).constant(n.constant());},C10.apply(n,arguments);}
function Cn1(){var n=Nn1(Pn1());return n.copy=function(){return Tn1(n,Cn1()).exponent(n.exponent());},C10.apply(n,arguments);}
function zn1(){return Cn1.apply(null,arguments).exponent(.5);}
function jn2(){var n,t,r,e,u,a,o,i=0,c=.5,l=1,h=1,g=V9,m=!1;function d(n){return isNaN(n=+n)?o:(n=.5+((n=+a(n))-t)*(h*n<h*t?e:u),g(m?Math.max(0,Math.min(1,n)):n));}function y(n){return function(t){var r,e,u;return arguments.length?([r,e,u]=t,g=U7(n,[r,e,u]),d):[g(0),g(.5),g(1)];};}return d.domain=function(o){return arguments.length?([i,c,l]=o,n=a(i=+i),t=a(c=+c),r=a(l=+l),e=n===t?0:.5/(t-n),u=t===r?0:.5/(r-t),h=t<n?-1:1,d):[i,c,l];},d.clamp=function(n){return arguments.length?(m=!!n,d):m;},d.interpolator=function(n){return arguments.length?(g=n,d):g;},d.range=y(R9),d.rangeRound=y(j8),d.unknown=function(n){return arguments.length?(o=n,d):o;},function(o){return a=o,n=o(i),t=o(c),r=o(l),e=n===t?0:.5/(t-n),u=t===r?0:.5/(r-t),h=t<n?-1:1,d;};}
function Gn(){var n=rn3(jn2()(V9));return n.copy=function(){return Tn1(n,Gn());},C10.apply(n,arguments);}
function Hn1(){var n=hn3(jn2()).domain([.1,1,10]);return n.copy=function(){return Tn1(n,Hn1()).base(n.base());},C10.apply(n,arguments);}
function Jn(){var n=yn2(jn2());return n.copy=function(){return Tn1(n,Jn()).constant(n.constant());},C10.apply(n,arguments);}
function Kn(){var n=Nn1(jn2());return n.copy=function(){return Tn1(n,Kn()).exponent(n.exponent());},C10.apply(n,arguments);}
function Vn1(){return Kn.apply(null,arguments).exponent(.5);}
function c9(f){for(var e=f.length/6|0,a=new Array(e),d=0;d<e;)a[d]="#"+f.slice(6*d,6*++d);return a;}
function vf(f){var e=f.length;return function(a){return f[Math.max(0,Math.min(e-1,Math.floor(a*e)))];};}
function R11(e,c,a){const f=e-c+2*a;return e?f>0?f:1:0;}
function Z13(){const e=Y10().unknown(void 0),c=e.domain,a=e.range;let f,n,d=[0,1],t=!1,b=0,r=0,o=.5;function i(){const e=c().length,i=d[1]<d[0],l=d[1-i],s=R11(e,b,r);let m=d[i-0];f=(l-m)/(s||1),t&&(f=Math.floor(f)),m+=(l-m-f*(e-b))*o,n=f*(1-b),t&&(m=Math.round(m),n=Math.round(n));const g=Nt(e).map(e=>m+f*e);return a(i?g.reverse():g);}return delete e.unknown,e.domain=function(e){return arguments.length?(c(e),i()):c();},e.range=function(e){return arguments.length?(d=[+e[0],+e[1]],i()):d.slice();},e.rangeRound=function(e){return d=[+e[0],+e[1]],t=!0,i();},e.bandwidth=function(){return n;},e.step=function(){return f;},e.round=function(e){return arguments.length?(t=!!e,i()):t;},e.padding=function(e){return arguments.length?(r=Math.max(0,Math.min(1,e)),b=r,i()):b;},e.paddingInner=function(e){return arguments.length?(b=Math.max(0,Math.min(1,e)),i()):b;},e.paddingOuter=function(e){return arguments.length?(r=Math.max(0,Math.min(1,e)),i()):r;},e.align=function(e){return arguments.length?(o=Math.max(0,Math.min(1,e)),i()):o;},e.invertRange=function(e){if(null==e[0]||null==e[1])return;const f=d[1]<d[0],t=f?a().reverse():a(),b=t.length-1;let r,o,i,u=+e[0],s=+e[1];return u!=u||s!=s||(s<u&&(i=u,u=s,s=i),s<t[0]||u>d[1-f])?void 0:(r=Math.max(0,l2(t,u)-1),o=u===s?r:l2(t,s)-1,u-t[r]>n+1e-10&&++r,f&&(i=r,r=b-o,o=b-i),r>o?void 0:c().slice(r,o+1));},e.invert=function(c){const a=e.invertRange([c,c]);return a?a[0]:a;},e.copy=function(){return Z13().domain(c()).range(d).round(t).paddingInner(b).paddingOuter(r).align(o);},i();}
function ee1(e){const c=e.copy;return e.padding=e.paddingOuter,delete e.paddingInner,e.copy=function(){return ee1(c());},e;}
function de1(e){return e[ne1]=!0,e;}
function te1(e){return e&&!0===e[ne1];}
function be1(e,c,a){return arguments.length>1?(fe1.set(e,function(e,c,a){const f=function(){const a=c();return a.invertRange||(a.invertRange=a.invert?function(e){return function(c){let a,f=c[0],n=c[1];return n<f&&(a=f,f=n,n=a),[e.invert(f),e.invert(n)];};}(a):a.invertExtent?function(e){return function(c){const a=e.range();let f,n,d,t,b=c[0],r=c[1],o=-1;for(r<b&&(n=b,b=r,r=n),d=0,t=a.length;d<t;++d)a[d]>=b&&a[d]<=r&&(o<0&&(o=d),f=d);if(!(o<0))return b=e.invertExtent(a[o]),r=e.invertExtent(a[f]),[void 0===b[0]?b[1]:b[0],void 0===r[1]?r[0]:r[1]];};}(a):void 0),a.type=e,de1(a);};return f.metadata=Sn(K(a)),f;}(e,c,a)),this):re2(e)?fe1.get(e):void 0;}
function re2(e){return fe1.has(e);}
function oe2(e,c){const a=fe1.get(e);return a&&a.metadata[c];}
function ie2(e){return oe2(e,H11);}
function le2(e){return oe2(e,J13);}
function ue2(e){return oe2(e,K13);}
function se2(e){return oe2(e,I10);}
function me2(e){return oe2(e,W12);}
function ge2(e){return oe2(e,V11);}
function pe1(e){return oe2(e,E13);}
function ye1(c,a){const f=a[0],n=D(a)-f;return function(e){return c(f+e*n);};}
function ve1(e,c,a){return mod1.piecewise(xe1(c||"rgb",a),e);}
function we1(e,c){const a=new Array(c),f=c+1;for(let n=0;n<c;)a[n]=e(++n/f);return a;}
function Me2(e,a,f){const n=f-a;let d,t,b;return n&&Number.isFinite(n)?(d=(t=e.type).indexOf("-"),t=d<0?t:t.slice(d+1),b=be1(t)().domain([a,f]).range([0,1]),he2.forEach(c=>e[c]?b[c](e[c]()):0),b):en(.5);}
function xe1(e,c){const a=mod1[function(e){return"interpolate"+e.toLowerCase().split("-").map(e=>e[0].toUpperCase()+e.slice(1)).join("");}(e)];return null!=c&&a&&a.gamma?a.gamma(c):a;}
function Se1(e){if(E(e))return e;const c=e.length/6|0,a=new Array(c);for(let f=0;f<c;)a[f]="#"+e.slice(6*f,6*++f);return a;}
function qe1(e,c){for(const a in e)ke1(a,c(e[a]));}
function ke1(e,c){return e=e&&e.toLowerCase(),arguments.length>1?(Ge1[e]=c,this):Ge1[e];}
function Le1(e,c,b){let r;return mn(c)&&(e.bins&&(c=Math.max(c,e.bins.length)),null!=b&&(c=Math.min(c,Math.floor(_n(e.domain())/b||1)+1))),v(c)&&(r=c.step,c=c.interval),On(c)&&(c=e.type===P10?Dt(c):e.type==Y12?Tt(c):l("Only time and utc scales accept interval strings."),r&&(c=c.every(r))),c;}
function Te2(c,a,f){let n=c.range(),d=n[0],t=D(n),b=Ae1;if(d>t&&(n=t,t=d,d=n,b=Ie1),d=Math.floor(d),t=Math.ceil(t),a=a.map(e=>[e,c(e)]).filter(e=>d<=e[1]&&e[1]<=t).sort(b).map(e=>e[0]),f>0&&a.length>1){const c=[a[0],D(a)];for(;a.length>f&&a.length>=3;)a=a.filter((e,c)=>!(c%2));a.length<3&&(a=c);}return a;}
function De1(e,c){return e.bins?Te2(e,e.bins,c):e.ticks?e.ticks(c):e.domain();}
function Pe1(e,c,a,f,n,d){const t=c.type;let b=Fe1;if(t===P10||n===P10)b=e.timeFormat(f);else if(t===Y12||n===Y12)b=e.utcFormat(f);else if(se2(t)){const n=e.formatFloat(f);if(d||c.bins)b=n;else{const e=Ye1(c,a,!1);b=c=>e(c)?n(c):"";}}else if(c.tickFormat){const n=c.domain();b=e.formatSpan(n[0],n[n.length-1],a,f);}else f&&(b=e.format(f));return b;}
function Ye1(e,c,a){const f=De1(e,c),n=e.base(),d=Math.log(n),t=Math.max(1,n*c/f.length),b=e=>{let c=e/Math.pow(n,Math.round(Math.log(e)/d));return c*n<n-.5&&(c*=n),c<=t;};return a?f.filter(b):b;}
function Ee1(c,a){return c.bins?function(c){const a=c.slice(0,-1);return a.max=D(c),a;}(c.bins):c.type===I10?Ye1(c,a,!0):je1[c.type]?function(e){const c=[-1/0].concat(e);return c.max=1/0,c;}(c[je1[c.type]]()):De1(c,a);}
function ze1(e,c,a,f,n,d,t){const b=Ce2[c.type]&&d!==P10&&d!==Y12?function(e,c,a){const f=c[Ce2[c.type]](),n=f.length;let d,t=n>1?f[1]-f[0]:f[0];for(d=1;d<n;++d)t=Math.min(t,f[d]-f[d-1]);return e.formatSpan(0,t,30,a);}(e,c,n):Pe1(e,c,a,n,d,t);return f===Be1&&(e=>je1[e.type]||e.bins)(c)?Ue2(b):f===Oe1?Qe1(b):Xe1(b);}
function He1(c){const a=c.domain(),f=a.length-1;let n=+a[0],d=+D(a),t=d-n;if(c.type===U9){const e=f?t/f:.1;n-=e,d+=e,t=d-n;}return e=>(e-n)/t;}
function Je1(c,a,f){f=f||{};const n=Math.max(3,f.maxlen||7),t=function(e,c,a,f){const n=f||c.type;return On(a)&&me2(n)&&(a=a.replace(/%a/g,"%A").replace(/%b/g,"%B")),a||n!==P10?a||n!==Y12?ze1(e,c,5,null,a,f,!0):e.utcFormat("%A, %d %B %Y, %X UTC"):e.timeFormat("%A, %d %B %Y, %X");}(c,a,f.format,f.formatType);if(ue2(a.type)){const e=Ee1(a).slice(1).map(t),c=e.length;return`${c} boundar${1===c?"y":"ies"}: ${e.join(", ")}`;}if(le2(a.type)){const e=a.domain(),c=e.length;return`${c} value${1===c?"":"s"}: ${c>n?e.slice(0,n-2).map(t).join(", ")+", ending with "+e.slice(-1).map(t):e.map(t).join(", ")}`;}{const c=a.domain();return`values from ${t(c[0])} to ${t(D(c))}`;}}
function W13(t){return t&&t.gradient;}
function j11(t,e,n){const i=t.gradient;let r=t.id,s="radial"===i?H12:"";return r||(r=t.id="gradient_"+B12++,"radial"===i?(t.x1=U10(t.x1,.5),t.y1=U10(t.y1,.5),t.r1=U10(t.r1,0),t.x2=U10(t.x2,.5),t.y2=U10(t.y2,.5),t.r2=U10(t.r2,.5),s=H12):(t.x1=U10(t.x1,0),t.y1=U10(t.y1,0),t.x2=U10(t.x2,1),t.y2=U10(t.y2,0))),e[r]=t,"url("+(n||"")+"#"+s+r+")";}
function U10(t,e){return null!=t?t:e;}
function X14(t,e){var n,i=[];return n={gradient:"linear",x1:t?t[0]:0,y1:t?t[1]:0,x2:e?e[0]:1,y2:e?e[1]:0,stops:i,stop:function(t,e){return i.push({offset:t,color:e}),n;}};}
function Y13(t,e,n){var r=cn(G12,t)&&G12[t],s=null;return r&&(s=r.curve||r[e||"vertical"],r.tension&&null!=n&&(s=s[r.tension](n))),s;}
function tt6(t){const e=[];return(t.match(F11)||[]).forEach(t=>{let n=t[0];const i=n.toLowerCase(),r=J14[i],s=function(t,e,n){const i=[];for(let r=0;e&&r<n.length;)for(let s=0;s<e;++s){const e="a"!==t||3!==s&&4!==s?Q10:K14,o=n.slice(r).match(e);if(null===o)throw Error("Invalid SVG path, incorrect parameter type");r+=o[0].length,i.push(+o[0]);const a=n.slice(r).match(Z14);null!==a&&(r+=a[0].length);}return i;}(i,r,t.slice(1).trim()),o=s.length;if(o<r||o&&o%r!=0)throw Error("Invalid SVG path, incorrect parameter count");if(e.push([n,...s.slice(0,r)]),o!==r){"m"===i&&(n="M"===n?"L":"l");for(let t=r;t<o;t+=r)e.push([n,...s.slice(t,t+r)]);}}),e;}
function lt5(t){const e=at6.call(t);if(ot5[e])return ot5[e];var n=t[0],i=t[1],r=t[2],s=t[3],o=t[4],a=t[5],l=t[6],c=t[7];const h=c*o,u=-l*a,d=l*o,f=c*a,p=Math.cos(r),g=Math.sin(r),v=Math.cos(s),y=Math.sin(s),m=.5*(s-r),_=Math.sin(.5*m),x=8/3*_*_/Math.sin(m),k=n+p-x*g,b=i+g+x*p,w=n+v,T=i+y,M=w+x*y,z=T-x*v;return ot5[e]=[h*k+u*b,d*k+f*b,h*M+u*z,d*M+f*z,h*w+u*T,d*w+f*T];}
function ht5(t,e,n){const i=ct5[0]=t[0];if("a"===i||"A"===i)ct5[1]=e*t[1],ct5[2]=n*t[2],ct5[3]=t[3],ct5[4]=t[4],ct5[5]=t[5],ct5[6]=e*t[6],ct5[7]=n*t[7];else if("h"===i||"H"===i)ct5[1]=e*t[1];else if("v"===i||"V"===i)ct5[1]=n*t[1];else for(var r=1,s=t.length;r<s;++r)ct5[r]=(r%2==1?e:n)*t[r];return ct5;}
function ut5(t,e,n,i,r,s){var o,a,l,c,h,u=null,d=0,f=0,p=0,g=0,v=0,y=0;null==n&&(n=0),null==i&&(i=0),null==r&&(r=1),null==s&&(s=r),t.beginPath&&t.beginPath();for(var m=0,_=e.length;m<_;++m){switch(o=e[m],1===r&&1===s||(o=ht5(o,r,s)),o[0]){case"l":d+=o[1],f+=o[2],t.lineTo(d+n,f+i);break;case"L":d=o[1],f=o[2],t.lineTo(d+n,f+i);break;case"h":d+=o[1],t.lineTo(d+n,f+i);break;case"H":d=o[1],t.lineTo(d+n,f+i);break;case"v":f+=o[1],t.lineTo(d+n,f+i);break;case"V":f=o[1],t.lineTo(d+n,f+i);break;case"m":v=d+=o[1],y=f+=o[2],t.moveTo(d+n,f+i);break;case"M":v=d=o[1],y=f=o[2],t.moveTo(d+n,f+i);break;case"c":a=d+o[5],l=f+o[6],p=d+o[3],g=f+o[4],t.bezierCurveTo(d+o[1]+n,f+o[2]+i,p+n,g+i,a+n,l+i),d=a,f=l;break;case"C":d=o[5],f=o[6],p=o[3],g=o[4],t.bezierCurveTo(o[1]+n,o[2]+i,p+n,g+i,d+n,f+i);break;case"s":a=d+o[3],l=f+o[4],p=2*d-p,g=2*f-g,t.bezierCurveTo(p+n,g+i,d+o[1]+n,f+o[2]+i,a+n,l+i),p=d+o[1],g=f+o[2],d=a,f=l;break;case"S":a=o[3],l=o[4],p=2*d-p,g=2*f-g,t.bezierCurveTo(p+n,g+i,o[1]+n,o[2]+i,a+n,l+i),d=a,f=l,p=o[1],g=o[2];break;case"q":a=d+o[3],l=f+o[4],p=d+o[1],g=f+o[2],t.quadraticCurveTo(p+n,g+i,a+n,l+i),d=a,f=l;break;case"Q":a=o[3],l=o[4],t.quadraticCurveTo(o[1]+n,o[2]+i,a+n,l+i),d=a,f=l,p=o[1],g=o[2];break;case"t":a=d+o[1],l=f+o[2],null===u[0].match(/[QqTt]/)?(p=d,g=f):"t"===u[0]?(p=2*d-c,g=2*f-h):"q"===u[0]&&(p=2*d-p,g=2*f-g),c=p,h=g,t.quadraticCurveTo(p+n,g+i,a+n,l+i),f=l,p=(d=a)+o[1],g=f+o[2];break;case"T":a=o[1],l=o[2],p=2*d-p,g=2*f-g,t.quadraticCurveTo(p+n,g+i,a+n,l+i),d=a,f=l;break;case"a":dt3(t,d+n,f+i,[o[1],o[2],o[3],o[4],o[5],o[6]+d+n,o[7]+f+i]),d+=o[6],f+=o[7];break;case"A":dt3(t,d+n,f+i,[o[1],o[2],o[3],o[4],o[5],o[6]+n,o[7]+i]),d=o[6],f=o[7];break;case"z":case"Z":d=v,f=y,t.closePath();}u=o;}}
function dt3(t,e,n,i){const r=function(t,e,n,i,r,s,o,a,l){const c=at6.call(arguments);if(st5[c])return st5[c];const h=o*et5,u=Math.sin(h),d=Math.cos(h),f=d*(a-t)*.5+u*(l-e)*.5,p=d*(l-e)*.5-u*(a-t)*.5;let g=f*f/((n=Math.abs(n))*n)+p*p/((i=Math.abs(i))*i);g>1&&(g=Math.sqrt(g),n*=g,i*=g);const v=d/n,y=u/n,m=-u/i,_=d/i,x=v*a+y*l,k=m*a+_*l,b=v*t+y*e,w=m*t+_*e;let T=1/((b-x)*(b-x)+(w-k)*(w-k))-.25;T<0&&(T=0);let M=Math.sqrt(T);s==r&&(M=-M);const z=.5*(x+b)-M*(w-k),R=.5*(k+w)+M*(b-x),A=Math.atan2(k-R,x-z);let C=Math.atan2(w-R,b-z)-A;C<0&&1===s?C+=it5:C>0&&0===s&&(C-=it5);const P=Math.ceil(Math.abs(C/(nt6+.001))),L=[];for(let t=0;t<P;++t){const e=A+t*C/P,r=A+(t+1)*C/P;L[t]=[z,R,e,r,n,i,u,d];}return st5[c]=L;}(i[5],i[6],i[0],i[1],i[3],i[4],i[2],e,n);for(let e=0;e<r.length;++e){const n=lt5(r[e]);t.bezierCurveTo(n[0],n[1],n[2],n[3],n[4],n[5]);}}
function gt5(t){return cn(pt3,t)?pt3[t]:function(t){if(!cn(vt4,t)){const e=tt6(t);vt4[t]={draw:function(t,n){ut5(t,e,0,0,Math.sqrt(n)/2);}};}return vt4[t];}(t);}
function mt3(t){return t.x;}
function _t2(t){return t.y;}
function xt3(t){return t.width;}
function kt4(t){return t.height;}
function bt3(t){return"function"==typeof t?t:()=>+t;}
function wt3(t,e,n){return Math.max(e,Math.min(t,n));}
function Tt2(){var t=mt3,e=_t2,n=xt3,i=kt4,r=bt3(0),s=r,o=r,a=r,l=null;function c(c,h,u){var d,f=null!=h?h:+t.call(this,c),p=null!=u?u:+e.call(this,c),g=+n.call(this,c),v=+i.call(this,c),y=Math.min(g,v)/2,m=wt3(+r.call(this,c),0,y),_=wt3(+s.call(this,c),0,y),x=wt3(+o.call(this,c),0,y),k=wt3(+a.call(this,c),0,y);if(l||(l=d=n5()),m<=0&&_<=0&&x<=0&&k<=0)l.rect(f,p,g,v);else{var b=f+g,w=p+v;l.moveTo(f+m,p),l.lineTo(b-_,p),l.bezierCurveTo(b-.448084975506*_,p,b,p+.448084975506*_,b,p+_),l.lineTo(b,w-k),l.bezierCurveTo(b,w-.448084975506*k,b-.448084975506*k,w,b-k,w),l.lineTo(f+x,w),l.bezierCurveTo(f+.448084975506*x,w,f,w-.448084975506*x,f,w-x),l.lineTo(f,p+m),l.bezierCurveTo(f,p+.448084975506*m,f+.448084975506*m,p,f+m,p),l.closePath();}if(d)return l=null,d+""||null;}return c.x=function(e){return arguments.length?(t=bt3(e),c):t;},c.y=function(t){return arguments.length?(e=bt3(t),c):e;},c.width=function(t){return arguments.length?(n=bt3(t),c):n;},c.height=function(t){return arguments.length?(i=bt3(t),c):i;},c.cornerRadius=function(t,e,n,i){return arguments.length?(r=bt3(t),s=null!=e?bt3(e):r,a=null!=n?bt3(n):r,o=null!=i?bt3(i):s,c):r;},c.context=function(t){return arguments.length?(l=null==t?null:t,c):l;},c;}
function Mt4(){var t,e,n,i,r,s,o,a,l=null;function c(t,e,n){const i=n/2;if(r){var c=o-e,h=t-s;if(c||h){var u=Math.hypot(c,h),d=(c/=u)*a,f=(h/=u)*a,p=Math.atan2(h,c);l.moveTo(s-d,o-f),l.lineTo(t-c*i,e-h*i),l.arc(t,e,i,p-Math.PI,p),l.lineTo(s+d,o+f),l.arc(s,o,a,p,p+Math.PI);}else l.arc(t,e,i,0,it5);l.closePath();}else r=1;s=t,o=e,a=i;}function h(s){var o,a,h,u=s.length,d=!1;for(null==l&&(l=h=n5()),o=0;o<=u;++o)!(o<u&&i(a=s[o],o,s))===d&&(d=!d)&&(r=0),d&&c(+t(a,o,s),+e(a,o,s),+n(a,o,s));if(h)return l=null,h+""||null;}return h.x=function(e){return arguments.length?(t=e,h):t;},h.y=function(t){return arguments.length?(e=t,h):e;},h.size=function(t){return arguments.length?(n=t,h):n;},h.defined=function(t){return arguments.length?(i=t,h):i;},h.context=function(t){return arguments.length?(l=null==t?null:t,h):l;},h;}
function zt1(t,e){return null!=t?t:e;}
function It3(t){return t.cornerRadius||t.cornerRadiusTopLeft||t.cornerRadiusTopRight||t.cornerRadiusBottomRight||t.cornerRadiusBottomLeft;}
function qt4(t,e,n,i){return Nt3.context(t)(e,n,i);}
function Vt1(t,e,n){var i=e.clip,r=t._defs,s=e.clip_id||(e.clip_id="clip"+$t2++),o=r.clipping[s]||(r.clipping[s]={id:s});return Q(i)?o.path=i(null):It3(n)?o.path=qt4(null,n,0,0):(o.width=n.width||0,o.height=n.height||0),"url(#"+s+")";}
function Bt3(t){this.clear(),t&&this.union(t);}
function Ht2(t){this.mark=t,this.bounds=this.bounds||new Bt3;}
function Wt2(t){Ht2.call(this,t),this.items=this.items||[];}
function Ut3(t){t._pending+=1;}
function Xt1(t){t._pending-=1;}
function Gt1(t,e,n){if(e.stroke&&0!==e.opacity&&0!==e.strokeOpacity){const i=null!=e.strokeWidth?+e.strokeWidth:1;t.expand(i+(n?function(t,e){return t.strokeJoin&&"miter"!==t.strokeJoin?0:e;}(e,i):0));}return t;}
function ue3(t,e){return Jt2=t,e?(Zt1=e*et5,Kt2=ne2=Math.cos(Zt1),te2=Math.sin(Zt1),ee2=-te2):(Kt2=ne2=1,Zt1=te2=ee2=0),de2;}
function fe2(t,e,n,i){const r=(t-e)/(t+n-2*e);0<r&&r<1&&i(t+(e-t)*r);}
function pe2(t,e,n,i,r){const s=i-t+3*e-3*n,o=t+n-2*e,a=t-e;let l,c=0,h=0;Math.abs(s)>1e-14?(l=o*o+a*s,l>=0&&(l=Math.sqrt(l),c=(-o+l)/s,h=(-o-l)/s)):c=.5*a/o,0<c&&c<1&&r(ge3(c,t,e,n,i)),0<h&&h<1&&r(ge3(h,t,e,n,i));}
function ge3(t,e,n,i,r){const s=1-t,o=s*s,a=t*t;return o*s*e+3*o*t*n+3*s*a*i+a*t*r;}
function me3(t){return function(e,n){if(!ve2)return!0;t(ve2,e),ye2.clear().union(e.bounds).intersect(n).round();const{x1:i,y1:r,x2:s,y2:o}=ye2;for(let t=r;t<=o;++t)for(let e=i;e<=s;++e)if(ve2.isPointInPath(e,t))return!0;return!1;};}
function _e2(t,e){return e.contains(t.x||0,t.y||0);}
function xe2(t,e){const n=t.x||0,i=t.y||0,r=t.width||0,s=t.height||0;return e.intersects(ye2.set(n,i,n+r,i+s));}
function ke2(t,e){const n=t.x||0,i=t.y||0;return be2(e,n,i,null!=t.x2?t.x2:n,null!=t.y2?t.y2:i);}
function be2(t,e,n,i,r){const{x1:s,y1:o,x2:a,y2:l}=t,c=i-e,h=r-n;let u,d,f,p,g=0,v=1;for(p=0;p<4;++p){if(0===p&&(u=-c,d=-(s-e)),1===p&&(u=c,d=a-e),2===p&&(u=-h,d=-(o-n)),3===p&&(u=h,d=l-n),Math.abs(u)<1e-10&&d<0)return!1;if(f=d/u,u<0){if(f>v)return!1;f>g&&(g=f);}else if(u>0){if(f<g)return!1;f<v&&(v=f);}}return!0;}
function we2(t,e){t.globalCompositeOperation=e.blend||"source-over";}
function Te3(t,e){return null==t?e:t;}
function Me3(t,e){const n=e.length;for(let i=0;i<n;++i)t.addColorStop(e[i].offset,e[i].color);return t;}
function ze2(t,e,n){const i=n.width(),r=n.height();let s;if("radial"===e.gradient)s=t.createRadialGradient(n.x1+Te3(e.x1,.5)*i,n.y1+Te3(e.y1,.5)*r,Math.max(i,r)*Te3(e.r1,0),n.x1+Te3(e.x2,.5)*i,n.y1+Te3(e.y2,.5)*r,Math.max(i,r)*Te3(e.r2,.5));else{const o=Te3(e.x1,0),a=Te3(e.y1,0),l=Te3(e.x2,1),c=Te3(e.y2,0);if(o!==l&&a!==c&&i!==r){const n=e8(Math.ceil(i),Math.ceil(r)),s=n.getContext("2d");return s.scale(i,r),s.fillStyle=Me3(s.createLinearGradient(o,a,l,c),e.stops),s.fillRect(0,0,i,r),t.createPattern(n,"no-repeat");}s=t.createLinearGradient(n.x1+o*i,n.y1+a*r,n.x1+l*i,n.y1+c*r);}return Me3(s,e.stops);}
function Re2(t,e,n){return W13(n)?ze2(t,n,e.bounds):n;}
function Ae2(t,e,n){return(n*=null==e.fillOpacity?1:e.fillOpacity)>0&&(t.globalAlpha=n,t.fillStyle=Re2(t,e,e.fill),!0);}
function Pe2(t,e,n){var i=null!=(i=e.strokeWidth)?i:1;return!(i<=0)&&(n*=null==e.strokeOpacity?1:e.strokeOpacity)>0&&(t.globalAlpha=n,t.strokeStyle=Re2(t,e,e.stroke),t.lineWidth=i,t.lineCap=e.strokeCap||"butt",t.lineJoin=e.strokeJoin||"miter",t.miterLimit=e.strokeMiterLimit||10,t.setLineDash&&(t.setLineDash(e.strokeDash||Ce3),t.lineDashOffset=e.strokeDashOffset||0),!0);}
function Le2(t,e){return t.zindex-e.zindex||t.index-e.index;}
function Ee2(t){if(!t.zdirty)return t.zitems;var e,n,i,r=t.items,s=[];for(n=0,i=r.length;n<i;++n)(e=r[n]).index=n,e.zindex&&s.push(e);return t.zdirty=!1,t.zitems=s.sort(Le2);}
function Se2(t,e){var n,i,r=t.items;if(!r||!r.length)return;const s=Ee2(t);if(s&&s.length){for(n=0,i=r.length;n<i;++n)r[n].zindex||e(r[n]);r=s;}for(n=0,i=r.length;n<i;++n)e(r[n]);}
function Ne2(t,e){var n,i,r=t.items;if(!r||!r.length)return null;const s=Ee2(t);for(s&&s.length&&(r=s),i=r.length;--i>=0;)if(n=e(r[i]))return n;if(r===s){for(i=(r=t.items).length;--i>=0;)if(!r[i].zindex&&(n=e(r[i])))return n;}return null;}
function Oe2(t){return function(e,n,i){Se2(n,n=>{i&&!i.intersects(n.bounds)||Ie2(t,e,n,n);});};}
function De2(t){return function(e,n,i){!n.items.length||i&&!i.intersects(n.bounds)||Ie2(t,e,n.items[0],n.items);};}
function Ie2(t,e,n,i){var r=null==n.opacity?1:n.opacity;0!==r&&(t(e,i)||(we2(e,n),n.fill&&Ae2(e,n,r)&&e.fill(),n.stroke&&Pe2(e,n,r)&&e.stroke()));}
function qe2(t){return t=t||g,function(e,n,i,r,s,o){return i*=e.pixelRatio,r*=e.pixelRatio,Ne2(n,n=>{const a=n.bounds;if((!a||a.contains(s,o))&&a)return t(e,n,i,r,s,o)?n:void 0;});};}
function $e1(t,e){return function(n,i,r,s){var o,a,l=Array.isArray(i)?i[0]:i,c=null==e?l.fill:e,h=l.stroke&&n.isPointInStroke;return h&&(o=l.strokeWidth,a=l.strokeCap,n.lineWidth=null!=o?o:1,n.lineCap=null!=a?a:"butt"),!t(n,i)&&(c&&n.isPointInPath(r,s)||h&&n.isPointInStroke(r,s));};}
function Ve1(t){return qe2($e1(t));}
function Be2(t,e){return"translate("+t+","+e+")";}
function He2(t){return"rotate("+t+")";}
function We1(t){return Be2(t.x||0,t.y||0);}
function je2(t,e,n){function i(t,n){var i=n.x||0,r=n.y||0,s=n.angle||0;t.translate(i,r),s&&t.rotate(s*=et5),t.beginPath(),e(t,n),s&&t.rotate(-s),t.translate(-i,-r);}return{type:t,tag:"path",nested:!1,attr:function(t,n){t("transform",function(t){return Be2(t.x||0,t.y||0)+(t.angle?" "+He2(t.angle):"");}(n)),t("d",e(null,n));},bound:function(t,n){return e(ue3(t,n.angle),n),Gt1(t,n).translate(n.x||0,n.y||0);},draw:Oe2(i),pick:Ve1(i),isect:n||me3(i)};}
function Xe2(t,e,n){function i(t,n){t.beginPath(),e(t,n);}const r=$e1(i);return{type:t,tag:"path",nested:!0,attr:function(t,n){var i=n.mark.items;i.length&&t("d",e(null,i));},bound:function(t,n){var i=n.items;return 0===i.length?t:(e(ue3(t),i),Gt1(t,i[0]));},draw:De2(i),pick:function(t,e,n,i,s,o){var a=e.items,l=e.bounds;return!a||!a.length||l&&!l.contains(s,o)?null:(n*=t.pixelRatio,i*=t.pixelRatio,r(t,a,n,i)?a[0]:null);},isect:_e2,tip:n};}
function Ye2(t,e){t.beginPath(),It3(e)?qt4(t,e,0,0):t.rect(0,0,e.width||0,e.height||0),t.clip();}
function Je2(t){const e=Te3(t.strokeWidth,1);return null!=t.strokeOffset?t.strokeOffset:t.stroke&&e>.5&&e<1.5?.5-Math.abs(e-1):0;}
function Fe2(t,e){const n=Je2(e);t("d",qt4(null,e,n,n));}
function Qe2(t,e,n,i){const r=Je2(e);t.beginPath(),qt4(t,e,(n||0)+r,(i||0)+r);}
function rn4(t,e){var n=t.image;return(!n||t.url&&t.url!==n.url)&&(n={complete:!1,width:0,height:0},e.loadImage(t.url).then(e=>{t.image=e,t.image.url=t.url;})),n;}
function sn4(t,e){return null!=t.width?t.width:e&&e.width?!1!==t.aspect&&t.height?t.height*e.width/e.height:e.width:0;}
function on4(t,e){return null!=t.height?t.height:e&&e.height?!1!==t.aspect&&t.width?t.width*e.height/e.width:e.height:0;}
function an4(t,e){return"center"===t?e/2:"right"===t?e:0;}
function ln4(t,e){return"middle"===t?e/2:"bottom"===t?e:0;}
function un4(t,e){var n=e.path;if(null==n)return!0;var i=e.x||0,r=e.y||0,s=e.scaleX||1,o=e.scaleY||1,a=(e.angle||0)*et5,l=e.pathCache;l&&l.path===n||((e.pathCache=l=tt6(n)).path=n),a&&t.rotate&&t.translate?(t.translate(i,r),t.rotate(a),ut5(t,l,0,0,s,o),t.rotate(-a),t.translate(-i,-r)):ut5(t,l,i,r,s,o);}
function fn4(t,e){t.beginPath(),qt4(t,e);}
function gn3(t,e,n){var i,r,s,o;return!(!e.stroke||!Pe2(t,e,n))&&(i=e.x||0,r=e.y||0,s=null!=e.x2?e.x2:i,o=null!=e.y2?e.y2:r,t.beginPath(),t.moveTo(i,r),t.lineTo(s,o),!0);}
function kn2(t){xn3.width=t&&ve2?Tn2:bn3;}
function bn3(t,e){return wn3(Pn2(t,e),zn2(t));}
function wn3(t,e){return~~(.8*t.length*e);}
function Tn2(t,e){return zn2(t)<=0||!(e=Pn2(t,e))?0:Mn3(e,En2(t));}
function Mn3(t,e){const n=`(${e}) ${t}`;let i=_n2.get(n);return void 0===i&&(ve2.font=e,i=ve2.measureText(t).width,_n2.set(n,i)),i;}
function zn2(t){return null!=t.fontSize?+t.fontSize||0:11;}
function Rn2(t){return null!=t.lineHeight?t.lineHeight:zn2(t)+2;}
function An2(t){return e=t.lineBreak&&t.text&&!E(t.text)?t.text.split(t.lineBreak):t.text,E(e)?e.length>1?e:e[0]:e;var e;}
function Cn2(t){const e=An2(t);return(E(e)?e.length-1:0)*Rn2(t);}
function Pn2(t,e){const n=null==e?"":(e+"").trim();return t.limit>0&&n.length?function(t,e){var n=+t.limit,i=function(t){if(xn3.width===Tn2){const e=En2(t);return t=>Mn3(t,e);}if(xn3.width===bn3){const e=zn2(t);return t=>wn3(t,e);}return e=>xn3.width(t,e);}(t);if(i(e)<n)return e;var r,s=t.ellipsis||"…",o="rtl"===t.dir,a=0,l=e.length;if(n-=i(s),o){for(;a<l;)r=a+l>>>1,i(e.slice(r))>n?a=r+1:l=r;return s+e.slice(a);}for(;a<l;)r=1+(a+l>>>1),i(e.slice(0,r))<n?a=r:l=r-1;return e.slice(0,a)+s;}(t,n):n;}
function Ln2(t,e){var n=t.font;return(e&&n?String(n).replace(/"/g,"'"):n)||"sans-serif";}
function En2(t,e){return(t.fontStyle?t.fontStyle+" ":"")+(t.fontVariant?t.fontVariant+" ":"")+(t.fontWeight?t.fontWeight+" ":"")+zn2(t)+"px "+Ln2(t,e);}
function Sn3(t){var e=t.baseline,n=zn2(t);return Math.round("top"===e?.79*n:"middle"===e?.3*n:"bottom"===e?-.21*n:"line-top"===e?.29*n+.5*Rn2(t):"line-bottom"===e?.29*n-.5*Rn2(t):0);}
function Dn3(t){var e,n=t.x||0,i=t.y||0,r=t.radius||0;return r&&(e=(t.theta||0)-nt6,n+=r*Math.cos(e),i+=r*Math.sin(e)),On2.x1=n,On2.y1=i,On2;}
function In2(t,e,n){var i,s=xn3.height(e),o=e.align,a=Dn3(e),l=a.x1,c=a.y1,h=e.dx||0,u=(e.dy||0)+Sn3(e)-Math.round(.8*s),d=An2(e);if(E(d)?(s+=Rn2(e)*(d.length-1),i=d.reduce((t,n)=>Math.max(t,xn3.width(e,n)),0)):i=xn3.width(e,d),"center"===o?h-=i/2:"right"===o&&(h-=i),t.set(h+=l,u+=c,h+i,u+s),e.angle&&!n)t.rotate(e.angle*et5,l,c);else if(2===n)return t.rotatedPoints(e.angle*et5,l,c);return t;}
function Bn1(t,e,n){var i=Vn2[t.mark.marktype],r=e||i.bound;return i.nested&&(t=t.mark),r(t.bounds||(t.bounds=new Bt3),t,n);}
function Wn1(t,e,n){var i,r,s,o,a=Vn2[t.marktype],l=a.bound,c=t.items,h=c&&c.length;if(a.nested)return h?s=c[0]:(Hn2.mark=t,s=Hn2),o=Bn1(s,l,n),e=e&&e.union(o)||o;if(e=e||t.bounds&&t.bounds.clear()||new Bt3,h)for(i=0,r=c.length;i<r;++i)e.union(Bn1(c[i],l,n));return t.bounds=e;}
function Un2(t,e){return JSON.stringify(t,jn3,e);}
function Xn(t){return Gn1("string"==typeof t?JSON.parse(t):t);}
function Gn1(t){var e,n,i,r=t.marktype,s=t.items;if(s)for(n=0,i=s.length;n<i;++n)e=r?"mark":"group",s[n][e]=t,s[n].zindex&&(s[n][e].zdirty=!0),"group"===(r||e)&&Gn1(s[n]);return r&&Wn1(t),t;}
function Jn1(t,e){const n={bounds:new Bt3,clip:!!t.clip,group:e,interactive:!1!==t.interactive,items:[],marktype:t.marktype,name:t.name||void 0,role:t.role||void 0,zindex:t.zindex||0};return null!=t.aria&&(n.aria=t.aria),t.description&&(n.description=t.description),n;}
function Fn2(t,e,n){return!t&&"undefined"!=typeof document&&document.createElement&&(t=document),t?n?t.createElementNS(n,e):t.createElement(e):null;}
function Qn1(t,e){e=e.toLowerCase();for(var n=t.childNodes,i=0,r=n.length;i<r;++i)if(n[i].tagName.toLowerCase()===e)return n[i];}
function Zn1(t,e,n,i){var r,s=t.childNodes[e];return s&&s.tagName.toLowerCase()===n.toLowerCase()||(r=s||null,s=Fn2(t.ownerDocument,n,i),t.insertBefore(s,r)),s;}
function Kn1(t,e){for(var n=t.childNodes,i=n.length;i>e;)t.removeChild(n[--i]);return t;}
function ti(t){return"mark-"+t.marktype+(t.role?" role-"+t.role:"")+(t.name?" "+t.name:"");}
function ei(t,e){const n=e.getBoundingClientRect();return[t.clientX-n.left-(e.clientLeft||0),t.clientY-n.top-(e.clientTop||0)];}
function ii(t,e,n,i){t.element().setAttribute("title",i||"");}
function Ri(t,e){zi(e).forEach(e=>(function(t,e){const n=t.canvas();n&&!t._events[e]&&(t._events[e]=1,n.addEventListener(e,t[e]?n=>t[e](n):n=>t.fire(e,n)));})(t,e));}
function Ai(t,e,n){e.forEach(e=>t.fire(e,n));}
function Ci(t,e,n){return function(i){const r=this._active,s=this.pickEvent(i);s===r||(r&&r.exit||Ai(this,n,i),this._active=s,Ai(this,e,i)),Ai(this,t,i);};}
function Pi(t){return function(e){Ai(this,t,e),this._active=null;};}
function Li(t,e,n,i,r,s){const o="undefined"!=typeof HTMLElement&&t instanceof HTMLElement&&null!=t.parentNode,a=t.getContext("2d"),l=o?"undefined"!=typeof window&&window.devicePixelRatio||1:r;t.width=e*l,t.height=n*l;for(const t in s)a[t]=s[t];return o&&1!==l&&(t.style.width=e+"px",t.style.height=n+"px"),a.pixelRatio=l,a.setTransform(l,0,0,l,l*i[0],l*i[1]),t;}
function Xi(t,e){const n=!1===e.aria;if(t(Di,n||void 0),n||null==e.description)for(const e in Ui)t(Ui[e],void 0);else{const n=e.mark.marktype;t(Ii,e.description),t(qi,e.ariaRole||("group"===n?Vi:Bi)),t($i,e.ariaRoleDescription||`${n} mark`);}}
function Gi(t){return!1===t.aria?{[Di]:!0}:Wi[t.role]?null:ji[t.role]?function(t,e){try{const n=t.items[0],i=e.caption||(()=>"");return Hi(e.role||Bi,e.desc,n.description||i(n));}catch(t){return null;}}(t,ji[t.role]):function(t){const e=t.marktype,n="group"===e||"text"===e||t.items.some(t=>null!=t.description&&!1!==t.aria);return Hi(n?Vi:Bi,`${e} mark container`,t.description);}(t);}
function Yi(t){return K(t.text).join(" ");}
function Ji(t){try{return K(D(t.items).items[0].text).join(" ");}catch(t){return null;}}
function Qi(){let t="",e="",n="";const i=[],r=()=>e=n="",s=(t,n)=>{var i;return null!=n&&(e+=` ${t}="${i=n,Fi(i).replace(/"/g,"&quot;").replace(/\t/g,"&#x9;").replace(/\n/g,"&#xA;").replace(/\r/g,"&#xD;")}"`),o;},o={open(a,...l){(s=>{e&&(t+=`${e}>${n}`,r()),i.push(s);})(a),e="<"+a;for(const t of l)for(const e in t)s(e,t[e]);return o;},close(){const s=i.pop();return t+=e?e+(n?`>${n}</${s}>`:"/>"):`</${s}>`,r(),o;},attr:s,text:t=>(n+=Fi(t),o),toString:()=>t};return o;}
function Ki(t,e){if(t.open(e.tagName),e.hasAttributes()){const n=e.attributes,i=n.length;for(let e=0;e<i;++e)t.attr(n[e].name,n[e].value);}if(e.hasChildNodes()){const n=e.childNodes;for(const e of n)3===e.nodeType?t.text(e.nodeValue):Ki(t,e);}return t.close();}
function or(t,e){for(;t&&t.dirty!==e;t=t.mark.group){if(t.dirty=e,!t.mark||t.mark.dirty===e)return;t.mark.dirty=e;}}
function ar(t,e,n){let i,r,s;if("radial"===e.gradient){let i=Zn1(t,n++,"pattern",rr);gr(i,{id:H12+e.id,viewBox:"0,0,1,1",width:"100%",height:"100%",preserveAspectRatio:"xMidYMid slice"}),i=Zn1(i,0,"rect",rr),gr(i,{width:1,height:1,fill:`url(${yr()}#${e.id})`}),gr(t=Zn1(t,n++,"radialGradient",rr),{id:e.id,fx:e.x1,fy:e.y1,fr:e.r1,cx:e.x2,cy:e.y2,r:e.r2});}else gr(t=Zn1(t,n++,"linearGradient",rr),{id:e.id,x1:e.x1,x2:e.x2,y1:e.y1,y2:e.y2});for(i=0,r=e.stops.length;i<r;++i)s=Zn1(t,i,"stop",rr),s.setAttribute("offset",e.stops[i].offset),s.setAttribute("stop-color",e.stops[i].color);return Kn1(t,i),n;}
function lr(t,e,n){let i;return(t=Zn1(t,n,"clipPath",rr)).setAttribute("id",e.id),e.path?(i=Zn1(t,0,"path",rr),i.setAttribute("d",e.path)):(i=Zn1(t,0,"rect",rr),gr(i,{x:0,y:0,width:e.width,height:e.height})),Kn1(t,1),n+1;}
function cr(t,e,n,i,r){let s,o=t._svg;if(!o&&(s=e.ownerDocument,o=Fn2(s,i,rr),t._svg=o,t.mark&&(o.__data__=t,o.__values__={fill:"default"},"g"===i))){const e=Fn2(s,"path",rr);o.appendChild(e),e.__data__=t;const n=Fn2(s,"g",rr);o.appendChild(n),n.__data__=t;const i=Fn2(s,"path",rr);o.appendChild(i),i.__data__=t,i.__values__={fill:"default"};}return(o.ownerSVGElement!==r||function(t,e){return t.parentNode&&t.parentNode.childNodes.length>1&&t.previousSibling!=e;}(o,n))&&e.insertBefore(o,n?n.nextSibling:e.firstChild),o;}
function fr(t,e,n){e!==ur[t]&&(n?function(t,e,n,i){null!=n?t.setAttributeNS(i,e,n):t.removeAttributeNS(i,e);}(hr,t,e,n):vr(hr,t,e),ur[t]=e);}
function pr(t,e,n){n!==ur[e]&&(null==n?t.style.removeProperty(e):t.style.setProperty(e,n+""),ur[e]=n);}
function gr(t,e){for(const n in e)vr(t,n,e[n]);}
function vr(t,e,n){null!=n?t.setAttribute(e,n):t.removeAttribute(e);}
function yr(){let t;return"undefined"==typeof window?"":(t=window.location).hash?t.href.slice(0,-t.hash.length):t.href;}
function xr(t){_r.svgMarkTypes=t.svgMarkTypes??["text"],_r.svgOnTop=t.svgOnTop??!0,_r.debug=t.debug??!1;}
function Ar(t,e){return t=String(t||"").toLowerCase(),arguments.length>1?(Rr[t]=e,this):Rr[t];}
function Cr(t,e,n){const i=[],r=(new Bt3).union(e),o=t.marktype;return o?Pr(t,r,n,i):"group"===o?Lr(t,r,n,i):l("Intersect scene must be mark node or group item.");}
function Pr(t,e,n,i){if(function(t,e,n){return t.bounds&&e.intersects(t.bounds)&&("group"===t.marktype||!1!==t.interactive&&(!n||n(t)));}(t,e,n)){const r=t.items,s=t.marktype,o=r.length;let a=0;if("group"===s)for(;a<o;++a)Lr(r[a],e,n,i);else for(const t=Vn2[s].isect;a<o;++a){const n=r[a];Er(n,e,t)&&i.push(n);}}return i;}
function Lr(t,e,n,i){n&&n(t.mark)&&Er(t,e,Vn2.group.isect)&&i.push(t);const r=t.items,s=r&&r.length;if(s){const o=t.x||0,a=t.y||0;e.translate(-o,-a);for(let t=0;t<s;++t)Pr(r[t],e,n,i);e.translate(o,a);}return i;}
function Er(t,e,n){const i=t.bounds;return e.encloses(i)||e.intersects(i)&&n(t,e);}
function Nr(t){const e=t.clip;if(Q(e))e(ue3(Sr.clear()));else{if(!e)return;Sr.set(0,0,t.group.width,t.group.height);}t.bounds.intersect(Sr);}
function Or(t,e,n){return t===e||("path"===n?Dr(t,e):t instanceof Date&&e instanceof Date?+t==+e:mn(t)&&mn(e)?Math.abs(t-e)<=1e-9:t&&e&&(v(t)||v(e))?function(t,e){var n,i,r=Object.keys(t),s=Object.keys(e);if(r.length!==s.length)return!1;for(r.sort(),s.sort(),i=r.length-1;i>=0;i--)if(r[i]!=s[i])return!1;for(i=r.length-1;i>=0;i--)if(!Or(t[n=r[i]],e[n],n))return!1;return typeof t==typeof e;}(t,e):t==e);}
function Dr(t,e){return Or(tt6(t),tt6(e));}
function Ir(){$t2=1,B12=0;}
function C13(e){st2.call(this,null,e);}
function G13(t,e,n){return e(t.bounds.clear(),t,n);}
function U11(e){st2.call(this,0,e);}
function V12(e){st2.call(this,null,e);}
function W14(e){st2.call(this,null,e);}
function Z15(e){st2.call(this,null,e);}
function tt7(t,e,n){return t[e]===n?0:(t[e]=n,1);}
function et6(t){var e=t.items[0].orient;return e===h11||e===f8;}
function nt7(t,e,n,o){var a,r,c=e.items[0],u=c.datum,l=null!=c.translate?c.translate:.5,y=c.orient,b=function(t){let e=+t.grid;return[t.ticks?e++:-1,t.labels?e++:-1,e+ +t.domain];}(u),x=c.range,g=c.offset,p=c.position,w=c.minExtent,k=c.maxExtent,M=u.title&&c.items[b[2]].items[0],v=c.titlePadding,E=c.bounds,z=M&&Cn2(M),A=0,_=0;switch($12.clear().union(E),E.clear(),(a=b[0])>-1&&E.union(c.items[a].bounds),(a=b[1])>-1&&E.union(c.items[a].bounds),y){case d9:A=p||0,_=-g,r=Math.max(w,Math.min(k,-E.y1)),E.add(0,-r).add(x,0),M&&ot6(t,M,r,v,z,0,-1,E);break;case h11:A=-g,_=p||0,r=Math.max(w,Math.min(k,-E.x1)),E.add(-r,0).add(0,x),M&&ot6(t,M,r,v,z,1,-1,E);break;case f8:A=n+g,_=p||0,r=Math.max(w,Math.min(k,E.x2)),E.add(0,0).add(r,x),M&&ot6(t,M,r,v,z,1,1,E);break;case m11:A=p||0,_=o+g,r=Math.max(w,Math.min(k,E.y2)),E.add(0,0).add(x,r),M&&ot6(t,M,r,v,0,0,1,E);break;default:A=c.x,_=c.y;}return Gt1(E.translate(A,_),c),tt7(c,"x",A+l)|tt7(c,"y",_+l)&&(c.bounds=$12,t.dirty(c),c.bounds=E,t.dirty(c)),c.mark.bounds.clear().union(E);}
function ot6(t,e,n,o,a,r,i,s){const c=e.bounds;if(e.auto){const s=i*(n+a+o);let u=0,l=0;t.dirty(e),r?u=(e.x||0)-(e.x=s):l=(e.y||0)-(e.y=s),e.mark.bounds.clear().union(c.translate(-u,-l)),t.dirty(e);}s.union(c);}
function it6(t){return(new Bt3).set(0,0,t.width||0,t.height||0);}
function st6(t){const e=t.bounds.clone();return e.empty()?e.set(0,0,0,0):e.translate(-(t.x||0),-(t.y||0));}
function ct6(t,e,n){const o=v(t)?t[e]:t;return null!=o?o:void 0!==n?n:0;}
function ut6(t){return t<0?Math.ceil(-t):0;}
function lt6(t,e,n){var o,a,r,i,s,c,u,l,d,h,f,m=!n.nodirty,y=n.bounds===L11?it6:st6,g=$12.set(0,0,0,0),p=ct6(n.align,P11),w=ct6(n.align,R12),k=ct6(n.padding,P11),M=ct6(n.padding,R12),v=n.columns||e.length,E=v<=0?1:Math.ceil(e.length/v),z=e.length,A=Array(z),_=Array(v),D=0,B=Array(z),O=Array(E),T=0,S=Array(z),j=Array(z),q=Array(z);for(a=0;a<v;++a)_[a]=0;for(a=0;a<E;++a)O[a]=0;for(a=0;a<z;++a)c=e[a],s=q[a]=y(c),c.x=c.x||0,S[a]=0,c.y=c.y||0,j[a]=0,r=a%v,i=~~(a/v),D=Math.max(D,u=Math.ceil(s.x2)),T=Math.max(T,l=Math.ceil(s.y2)),_[r]=Math.max(_[r],u),O[i]=Math.max(O[i],l),A[a]=k+ut6(s.x1),B[a]=M+ut6(s.y1),m&&t.dirty(e[a]);for(a=0;a<z;++a)a%v==0&&(A[a]=0),a<v&&(B[a]=0);if(p===H13)for(r=1;r<v;++r){for(f=0,a=r;a<z;a+=v)f<A[a]&&(f=A[a]);for(a=r;a<z;a+=v)A[a]=f+_[r-1];}else if(p===F12){for(f=0,a=0;a<z;++a)a%v&&f<A[a]&&(f=A[a]);for(a=0;a<z;++a)a%v&&(A[a]=f+D);}else for(p=!1,r=1;r<v;++r)for(a=r;a<z;a+=v)A[a]+=_[r-1];if(w===H13)for(i=1;i<E;++i){for(f=0,o=(a=i*v)+v;a<o;++a)f<B[a]&&(f=B[a]);for(a=i*v;a<o;++a)B[a]=f+O[i-1];}else if(w===F12){for(f=0,a=v;a<z;++a)f<B[a]&&(f=B[a]);for(a=v;a<z;++a)B[a]=f+T;}else for(w=!1,i=1;i<E;++i)for(o=(a=i*v)+v;a<o;++a)B[a]+=O[i-1];for(d=0,a=0;a<z;++a)d=A[a]+(a%v?d:0),S[a]+=d-e[a].x;for(r=0;r<v;++r)for(h=0,a=r;a<z;a+=v)h+=B[a],j[a]+=h-e[a].y;if(p&&ct6(n.center,P11)&&E>1)for(a=0;a<z;++a)(d=(s=p===F12?D:_[a%v])-q[a].x2-e[a].x-S[a])>0&&(S[a]+=d/2);if(w&&ct6(n.center,R12)&&1!==v)for(a=0;a<z;++a)(h=(s=w===F12?T:O[~~(a/v)])-q[a].y2-e[a].y-j[a])>0&&(j[a]+=h/2);for(a=0;a<z;++a)g.union(q[a].translate(S[a],j[a]));switch(d=ct6(n.anchor,"x"),h=ct6(n.anchor,"y"),ct6(n.anchor,P11)){case x11:d-=g.width();break;case b10:d-=g.width()/2;}switch(ct6(n.anchor,R12)){case x11:h-=g.height();break;case b10:h-=g.height()/2;}for(d=Math.round(d),h=Math.round(h),g.clear(),a=0;a<z;++a)e[a].mark.bounds.clear();for(a=0;a<z;++a)(c=e[a]).x+=S[a]+=d,c.y+=j[a]+=h,g.union(c.mark.bounds.union(c.bounds.translate(S[a],j[a]))),m&&t.dirty(c);return g;}
function dt4(t,e,n){var o,a,r,i,s,c,u,l=function(t){var e,n,o=t.items,a=o.length,r=0;const i={marks:[],rowheaders:[],rowfooters:[],colheaders:[],colfooters:[],rowtitle:null,coltitle:null};for(;r<a;++r)if(n=(e=o[r]).items,e.marktype===g10)switch(e.role){case p11:case v11:case w10:break;case E14:i.rowheaders.push(...n);break;case z14:i.rowfooters.push(...n);break;case _11:i.colheaders.push(...n);break;case D11:i.colfooters.push(...n);break;case A14:i.rowtitle=n[0];break;case B13:i.coltitle=n[0];break;default:i.marks.push(...n);}return i;}(e),d=l.marks,h=n.bounds===L11?ht6:ft5,f=n.offset,m=n.columns||d.length,y=m<=0?1:Math.ceil(d.length/m),b=y*m;const k=lt6(t,d,n);k.empty()&&k.set(0,0,0,0),l.rowheaders&&(c=ct6(n.headerBand,R12,null),o=mt4(t,l.rowheaders,d,m,y,-ct6(f,"rowHeader"),at7,0,h,"x1",0,m,1,c)),l.colheaders&&(c=ct6(n.headerBand,P11,null),a=mt4(t,l.colheaders,d,m,m,-ct6(f,"columnHeader"),at7,1,h,"y1",0,1,m,c)),l.rowfooters&&(c=ct6(n.footerBand,R12,null),r=mt4(t,l.rowfooters,d,m,y,ct6(f,"rowFooter"),rt7,0,h,"x2",m-1,m,1,c)),l.colfooters&&(c=ct6(n.footerBand,P11,null),i=mt4(t,l.colfooters,d,m,m,ct6(f,"columnFooter"),rt7,1,h,"y2",b-m,1,m,c)),l.rowtitle&&(s=ct6(n.titleAnchor,R12),u=ct6(f,"rowTitle"),u=s===x11?r+u:o-u,c=ct6(n.titleBand,R12,.5),yt4(t,l.rowtitle,u,0,k,c)),l.coltitle&&(s=ct6(n.titleAnchor,P11),u=ct6(f,"columnTitle"),u=s===x11?i+u:a-u,c=ct6(n.titleBand,P11,.5),yt4(t,l.coltitle,u,1,k,c));}
function ht6(t,e){return"x1"===e?t.x||0:"y1"===e?t.y||0:"x2"===e?(t.x||0)+(t.width||0):"y2"===e?(t.y||0)+(t.height||0):void 0;}
function ft5(t,e){return t.bounds[e];}
function mt4(t,e,n,o,a,r,i,s,c,u,l,d,h,f){var m,y,b,x,g,p,w,k,M,v=n.length,E=0,z=0;if(!v)return E;for(m=l;m<v;m+=d)n[m]&&(E=i(E,c(n[m],u)));if(!e.length)return E;for(e.length>a&&(t.warn("Grid headers exceed limit: "+a),e=e.slice(0,a)),E+=r,y=0,x=e.length;y<x;++y)t.dirty(e[y]),e[y].mark.bounds.clear();for(m=l,y=0,x=e.length;y<x;++y,m+=d){for(g=(p=e[y]).mark.bounds,b=m;b>=0&&null==(w=n[b]);b-=h);s?(k=null==f?w.x:Math.round(w.bounds.x1+f*w.bounds.width()),M=E):(k=E,M=null==f?w.y:Math.round(w.bounds.y1+f*w.bounds.height())),g.union(p.bounds.translate(k-(p.x||0),M-(p.y||0))),p.x=k,p.y=M,t.dirty(p),z=i(z,g[u]);}return z;}
function yt4(t,e,n,o,a,r){if(e){t.dirty(e);var i=n,s=n;o?i=Math.round(a.x1+r*a.width()):s=Math.round(a.y1+r*a.height()),e.bounds.translate(i-(e.x||0),s-(e.y||0)),e.mark.bounds.clear().union(e.bounds),e.x=i,e.y=s,t.dirty(e);}}
function bt4(t,e,n,o,a,r,i){const s=function(t,e){const n=t[e]||{};return(e,o)=>null!=n[e]?n[e]:null!=t[e]?t[e]:o;}(n,e),c=function(t,e){let n=-1/0;return t.forEach(t=>{null!=t.offset&&(n=Math.max(n,t.offset));}),n>-1/0?n:e;}(t,s("offset",0)),u=s("anchor",y9),l=u===x11?1:u===b10?.5:0,g={align:H13,bounds:s("bounds",L11),columns:"vertical"===s("direction")?1:t.length,padding:s("margin",8),center:s("center"),nodirty:!0};switch(e){case h11:g.anchor={x:Math.floor(o.x1)-c,column:x11,y:l*(i||o.height()+2*o.y1),row:u};break;case f8:g.anchor={x:Math.ceil(o.x2)+c,y:l*(i||o.height()+2*o.y1),row:u};break;case d9:g.anchor={y:Math.floor(a.y1)-c,row:x11,x:l*(r||a.width()+2*a.x1),column:u};break;case m11:g.anchor={y:Math.ceil(a.y2)+c,x:l*(r||a.width()+2*a.x1),column:u};break;case"top-left":g.anchor={x:c,y:c};break;case"top-right":g.anchor={x:r-c,y:c,column:x11};break;case"bottom-left":g.anchor={x:c,y:i-c,row:x11};break;case"bottom-right":g.anchor={x:r-c,y:i-c,column:x11,row:x11};}return g;}
function xt4(t,e){var n,o,a=e.items[0],r=a.datum,i=a.orient,c=a.bounds,u=a.x,l=a.y;return a._bounds?a._bounds.clear().union(c):a._bounds=c.clone(),c.clear(),function(t,e,n){var o=e.padding,a=o-n.x,r=o-n.y;if(e.datum.title){var i=e.items[1].items[0],s=i.anchor,c=e.titlePadding||0,u=o-i.x,l=o-i.y;switch(i.orient){case h11:a+=Math.ceil(i.bounds.width())+c;break;case f8:case m11:break;default:r+=i.bounds.height()+c;}switch((a||r)&&pt4(t,n,a,r),i.orient){case h11:l+=gt6(e,n,i,s,1,1);break;case f8:u+=gt6(e,n,i,x11,0,0)+c,l+=gt6(e,n,i,s,1,1);break;case m11:u+=gt6(e,n,i,s,0,0),l+=gt6(e,n,i,x11,-1,0,1)+c;break;default:u+=gt6(e,n,i,s,0,0);}(u||l)&&pt4(t,i,u,l),(u=Math.round(i.bounds.x1-o))<0&&(pt4(t,n,-u,0),pt4(t,i,-u,0));}else(a||r)&&pt4(t,n,a,r);}(t,a,a.items[0].items[0]),c=function(t,e){return t.items.forEach(t=>e.union(t.bounds)),e.x1=t.padding,e.y1=t.padding,e;}(a,c),n=2*a.padding,o=2*a.padding,c.empty()||(n=Math.ceil(c.width()+n),o=Math.ceil(c.height()+o)),"symbol"===r.type&&function(t){const e=t.reduce((t,e)=>(t[e.column]=Math.max(e.bounds.x2-e.x,t[e.column]||0),t),{});t.forEach(t=>{t.width=e[t.column],t.height=t.bounds.y2-t.y;});}(a.items[0].items[0].items[0].items),i!==q11&&(a.x=u=0,a.y=l=0),a.width=n,a.height=o,Gt1(c.set(u,l,u+n,l+o),a),a.mark.bounds.clear().union(c),a;}
function gt6(t,e,n,o,a,r,s){const c="symbol"!==t.datum.type,u=n.datum.vgrad,l=(!c||!r&&u||s?e:e.items[0]).bounds[a?"y2":"x2"]-t.padding,d=u&&r?l:0,h=u&&r?0:l,f=a<=0?0:Cn2(n);return Math.round(o===y9?d:o===x11?h-f:.5*(l-f));}
function pt4(t,e,n,o){e.x+=n,e.y+=o,e.bounds.translate(n,o),e.mark.bounds.translate(n,o),t.dirty(e);}
function wt4(e){st2.call(this,null,e);}
function le4(t){st2.call(this,null,t);}
function se4(t){st2.call(this,null,t);}
function ue4(){return O5({});}
function de3(t){st2.call(this,null,t);}
function me4(t){st2.call(this,[],t);}
function ge4(t){st2.call(this,{},t);}
function be3(t){st2.call(this,null,t);}
function De3(e){return ie2(e)&&e!==j10;}
function we3(t){st2.call(this,null,t),this.modified(!0);}
function Ae3(e,t,n){se2(e)&&Math.abs(t.reduce((e,t)=>e+(t<0?-1:t>0?1:0),0))!==t.length&&n.warn("Log scale domain includes zero: "+kn(t));return t;}
function Oe3(e,t,n){return Q(e)&&(t||n)?ye1(e,ke3(t||[0,1],n)):e;}
function ke3(e,t){return t?e.slice().reverse():e;}
function Ee3(t){st2.call(this,null,t);}
function Ie3(t){st2.call(this,null,t);}
function Pe3(e,t,n,a,i){for(var r,o=(t-e.sum)/2,l=e.length,s=0;s<l;++s)(r=e[s])[a]=o,r[i]=o+=Math.abs(n(r));}
function _e3(e,t,n,a,i){for(var r,o=1/e.sum,l=0,s=e.length,u=0,d=0;u<s;++u)(r=e[u])[a]=l,r[i]=l=o*(d+=Math.abs(n(r)));}
function Ne3(e,t,n,a,i){for(var r,o,l=0,s=0,u=e.length,d=0;d<u;++d)(r=+n(o=e[d]))<0?(o[a]=s,o[i]=s+=r):(o[a]=l,o[i]=l+=r);}
function _12(n){return n>1?0:n<-1?o9:Math.acos(n);}
function N14(n){return n>1?u12:n<-1?-u12:Math.asin(n);}
function C14(){}
function P12(n,t){n&&$13.hasOwnProperty(n.type)&&$13[n.type](n,t);}
function q12(n,t,r){var i,e=-1,o=n.length-r;for(t.lineStart();++e<o;)i=n[e],t.point(i[0],i[1],i[2]);t.lineEnd();}
function z15(n,t){var r=-1,i=n.length;for(t.polygonStart();++r<i;)q12(n[r],t,1);t.polygonEnd();}
function j13(n,t){n&&A15.hasOwnProperty(n.type)?A15[n.type](n,t):P12(n,t);}
function V13(){Q12.point=tn5;}
function nn5(){rn5(L12,b11);}
function tn5(n,t){Q12.point=rn5,L12=n,b11=t,G14=n*=f9,O11=g11(t=(t*=f9)/2+a9),T12=m12(t);}
function rn5(n,t){var r=(n*=f9)-G14,i=r>=0?1:-1,e=i*r,o=g11(t=(t*=f9)/2+a9),u=m12(t),c=T12*u,l=O11*o+c*g11(e),s=c*i*m12(e);J16.add(h12(s,l)),G14=n,O11=o,T12=u;}
function en5(t){return K16=new F1,j13(t,Q12),2*K16;}
function on5(n){return[h12(n[1],n[0]),N14(n[2])];}
function un5(n){var t=n[0],r=n[1],i=g11(r);return[i*g11(t),i*m12(t),m12(r)];}
function an5(n,t){return n[0]*t[0]+n[1]*t[1]+n[2]*t[2];}
function cn5(n,t){return[n[1]*t[2]-n[2]*t[1],n[2]*t[0]-n[0]*t[2],n[0]*t[1]-n[1]*t[0]];}
function ln5(n,t){n[0]+=t[0],n[1]+=t[1],n[2]+=t[2];}
function fn5(n,t){return[n[0]*t,n[1]*t,n[2]*t];}
function sn5(n){var t=w11(n[0]*n[0]+n[1]*n[1]+n[2]*n[2]);n[0]/=t,n[1]/=t,n[2]/=t;}
function An3(n,t){U12.push(Z16=[k12=n,H14=n]),t<F13&&(F13=t),t>I12&&(I12=t);}
function $n1(n,t){var r=un5([n*f9,t*f9]);if(B14){var i=cn5(B14,r),e=cn5([i[1],-i[0],0],i);sn5(e),e=on5(e);var o,u=n-W15,a=u>0?1:-1,c=e[0]*l11*a,p=s12(u)>180;p^(a*W15<c&&c<a*n)?(o=e[1]*l11)>I12&&(I12=o):p^(a*W15<(c=(c+360)%360-180)&&c<a*n)?(o=-e[1]*l11)<F13&&(F13=o):(t<F13&&(F13=t),t>I12&&(I12=t)),p?n<W15?Gn2(k12,n)>Gn2(k12,H14)&&(H14=n):Gn2(n,H14)>Gn2(k12,H14)&&(k12=n):H14>=k12?(n<k12&&(k12=n),n>H14&&(H14=n)):n>W15?Gn2(k12,n)>Gn2(k12,H14)&&(H14=n):Gn2(n,H14)>Gn2(k12,H14)&&(k12=n);}else U12.push(Z16=[k12=n,H14=n]);t<F13&&(F13=t),t>I12&&(I12=t),B14=r,W15=n;}
function qn2(){Pn3.point=$n1;}
function zn3(){Z16[0]=k12,Z16[1]=H14,Pn3.point=An3,B14=null;}
function jn4(n,t){if(B14){var r=n-W15;D12.add(s12(r)>180?r+(r>0?360:-360):r);}else X16=n,Y15=t;Q12.point(n,t),$n1(n,t);}
function Ln3(){Q12.lineStart();}
function bn4(){jn4(X16,Y15),Q12.lineEnd(),s12(D12)>i12&&(k12=-(H14=180)),Z16[0]=k12,Z16[1]=H14,B14=null;}
function Gn2(n,t){return(t-=n)<0?t+360:t;}
function On3(n,t){return n[0]-t[0];}
function Tn3(n,t){return n[0]<=n[1]?n[0]<=t&&t<=n[1]:t<n[0]||n[1]<t;}
function kn3(n){var t,r,i,e,o,u,a;if(I12=H14=-(k12=F13=1/0),U12=[],j13(n,Pn3),r=U12.length){for(U12.sort(On3),t=1,o=[i=U12[0]];t<r;++t)Tn3(i,(e=U12[t])[0])||Tn3(i,e[1])?(Gn2(i[0],e[1])>Gn2(i[0],i[1])&&(i[1]=e[1]),Gn2(e[0],i[1])>Gn2(i[0],i[1])&&(i[0]=e[0])):o.push(i=e);for(u=-1/0,t=0,i=o[r=o.length-1];t<=r;i=e,++t)e=o[t],(a=Gn2(i[1],e[0]))>u&&(u=a,k12=e[0],H14=i[1]);}return U12=Z16=null,k12===1/0||F13===1/0?[[NaN,NaN],[NaN,NaN]]:[[k12,F13],[H14,I12]];}
function Hn3(n,t){n*=f9;var r=g11(t*=f9);In3(r*g11(n),r*m12(n),m12(t));}
function In3(n,t,r){++pn4,gn4+=(n-gn4)/pn4,vn4+=(t-vn4)/pn4,dn4+=(r-dn4)/pn4;}
function Wn2(){Fn3.point=Xn1;}
function Xn1(n,t){n*=f9;var r=g11(t*=f9);Nn3=r*g11(n),Rn3=r*m12(n),Cn3=m12(t),Fn3.point=Yn2,In3(Nn3,Rn3,Cn3);}
function Yn2(n,t){n*=f9;var r=g11(t*=f9),i=r*g11(n),e=r*m12(n),o=m12(t),u=h12(w11((u=Rn3*o-Cn3*e)*u+(u=Cn3*i-Nn3*o)*u+(u=Nn3*e-Rn3*i)*u),Nn3*i+Rn3*e+Cn3*o);hn5+=u,En3+=u*(Nn3+(Nn3=i)),yn4+=u*(Rn3+(Rn3=e)),Sn4+=u*(Cn3+(Cn3=o)),In3(Nn3,Rn3,Cn3);}
function Bn2(){Fn3.point=Hn3;}
function Dn4(){Fn3.point=Zn2;}
function Un3(){Jn2(xn4,_n3),Fn3.point=Hn3;}
function Zn2(n,t){xn4=n,_n3=t,n*=f9,t*=f9,Fn3.point=Jn2;var r=g11(t);Nn3=r*g11(n),Rn3=r*m12(n),Cn3=m12(t),In3(Nn3,Rn3,Cn3);}
function Jn2(n,t){n*=f9;var r=g11(t*=f9),i=r*g11(n),e=r*m12(n),o=m12(t),u=Rn3*o-Cn3*e,a=Cn3*i-Nn3*o,c=Nn3*e-Rn3*i,l=E15(u,a,c),s=N14(l),p=l&&-s/l;mn4.add(p*u),Mn4.add(p*a),wn4.add(p*c),hn5+=s,En3+=s*(Nn3+(Nn3=i)),yn4+=s*(Rn3+(Rn3=e)),Sn4+=s*(Cn3+(Cn3=o)),In3(Nn3,Rn3,Cn3);}
function Kn2(t){pn4=hn5=gn4=vn4=dn4=En3=yn4=Sn4=0,mn4=new F1,Mn4=new F1,wn4=new F1,j13(t,Fn3);var r=+mn4,o=+Mn4,u=+wn4,a=E15(r,o,u);return a<e10&&(r=En3,o=yn4,u=Sn4,hn5<i12&&(r=gn4,o=vn4,u=dn4),(a=E15(r,o,u))<e10)?[NaN,NaN]:[h12(o,r)*l11,N14(u/a)*l11];}
function Vn3(n,t){function r(r,i){return r=n(r,i),t(r[0],r[1]);}return n.invert&&t.invert&&(r.invert=function(r,i){return(r=t.invert(r,i))&&n.invert(r[0],r[1]);}),r;}
function nt8(n,t){return s12(n)>o9&&(n-=Math.round(n/c10)*c10),[n,t];}
function tt8(n,t,r){return(n%=c10)?t||r?Vn3(it7(n),et7(t,r)):it7(n):t||r?et7(t,r):nt8;}
function rt8(n){return function(t,r){return s12(t+=n)>o9&&(t-=Math.round(t/c10)*c10),[t,r];};}
function it7(n){var t=rt8(n);return t.invert=rt8(-n),t;}
function et7(n,t){var r=g11(n),i=m12(n),e=g11(t),o=m12(t);function u(n,t){var u=g11(t),a=g11(n)*u,c=m12(n)*u,l=m12(t),f=l*r+a*i;return[h12(c*e-f*o,a*r-l*i),N14(f*e+c*o)];}return u.invert=function(n,t){var u=g11(t),a=g11(n)*u,c=m12(n)*u,l=m12(t),f=l*e-c*o;return[h12(c*e+l*o,a*r+f*i),N14(f*r-a*i)];},u;}
function ot7(n){function t(t){return(t=n(t[0]*f9,t[1]*f9))[0]*=l11,t[1]*=l11,t;}return n=tt8(n[0]*f9,n[1]*f9,n.length>2?n[2]*f9:0),t.invert=function(t){return(t=n.invert(t[0]*f9,t[1]*f9))[0]*=l11,t[1]*=l11,t;},t;}
function ut7(n,t,r,i,e,o){if(r){var u=g11(t),a=m12(t),l=i*r;null==e?(e=t+i*c10,o=t-l/2):(e=at8(u,e),o=at8(u,o),(i>0?e<o:e>o)&&(e+=i*c10));for(var f,s=e;i>0?s>o:s<o;s-=l)f=on5([u,-a*g11(s),-a*m12(s)]),n.point(f[0],f[1]);}}
function at8(n,t){(t=un5(t))[0]-=n,sn5(t);var r=_12(-t[1]);return((-t[2]<0?-r:r)+c10-i12)%c10;}
function lt7(){var n,t=[];return{point:function(t,r,i){n.push([t,r,i]);},lineStart:function(){t.push(n=[]);},lineEnd:C14,rejoin:function(){t.length>1&&t.push(t.pop().concat(t.shift()));},result:function(){var r=t;return t=[],n=null,r;}};}
function ft6(n,t){return s12(n[0]-t[0])<i12&&s12(n[1]-t[1])<i12;}
function st7(n,t,r,i){this.x=n,this.z=t,this.o=r,this.e=i,this.v=!1,this.n=this.p=null;}
function pt5(n,t,r,i,e){var o,u,a=[],c=[];if(n.forEach(function(n){if(!((t=n.length-1)<=0)){var t,r,i=n[0],u=n[t];if(ft6(i,u)){if(!i[2]&&!u[2]){for(e.lineStart(),o=0;o<t;++o)e.point((i=n[o])[0],i[1]);return void e.lineEnd();}u[0]+=2e-6;}a.push(r=new st7(i,n,null,!0)),c.push(r.o=new st7(i,null,r,!1)),a.push(r=new st7(u,n,null,!1)),c.push(r.o=new st7(u,null,r,!0));}}),a.length){for(c.sort(t),ht7(a),ht7(c),o=0,u=c.length;o<u;++o)c[o].e=r=!r;for(var l,f,s=a[0];;){for(var p=s,h=!0;p.v;)if((p=p.n)===s)return;l=p.z,e.lineStart();do{if(p.v=p.o.v=!0,p.e){if(h)for(o=0,u=l.length;o<u;++o)e.point((f=l[o])[0],f[1]);else i(p.x,p.n.x,1,e);p=p.n;}else{if(h)for(l=p.p.z,o=l.length-1;o>=0;--o)e.point((f=l[o])[0],f[1]);else i(p.x,p.p.x,-1,e);p=p.p;}l=(p=p.o).z,h=!h;}while(!p.v)e.lineEnd();}}}
function ht7(n){if(t=n.length){for(var t,r,i=0,e=n[0];++i<t;)e.n=r=n[i],r.p=e,e=r;e.n=r=n[0],r.p=e;}}
function gt7(n){return s12(n[0])<=o9?n[0]:M12(n[0])*((s12(n[0])+o9)%c10-o9);}
function vt5(t,r){var e=gt7(r),l=r[1],f=m12(l),s=[m12(e),-g11(e),0],p=0,v=0,d=new F1;1===f?l=u12+i12:-1===f&&(l=-u12-i12);for(var E=0,y=t.length;E<y;++E)if(M=(S=t[E]).length)for(var S,M,w=S[M-1],x=gt7(w),_=w[1]/2+a9,R=m12(_),C=g11(_),P=0;P<M;++P,x=$,R=z,C=j,w=A){var A=S[P],$=gt7(A),q=A[1]/2+a9,z=m12(q),j=g11(q),L=$-x,b=L>=0?1:-1,G=b*L,O=G>o9,T=R*z;if(d.add(h12(T*b*m12(G),C*j+T*g11(G))),p+=O?L+b*c10:L,O^x>=e^$>=e){var k=cn5(un5(w),un5(A));sn5(k);var F=cn5(s,k);sn5(F);var H=(O^L>=0?-1:1)*N14(F[2]);(l>H||l===H&&(k[0]||k[1]))&&(v+=O^L>=0?1:-1);}}return(p<-i12||p<i12&&d<-1e-12)^1&v;}
function dt5(n,r,i,e){return function(o){var u,a,c,l=r(o),f=lt7(),s=r(f),p=!1,h={point:g,lineStart:d,lineEnd:E,polygonStart:function(){h.point=y,h.lineStart=S,h.lineEnd=m,a=[],u=[];},polygonEnd:function(){h.point=g,h.lineStart=d,h.lineEnd=E,a=gt(a);var n=vt5(u,e);a.length?(p||(o.polygonStart(),p=!0),pt5(a,yt5,n,i,o)):n&&(p||(o.polygonStart(),p=!0),o.lineStart(),i(null,null,1,o),o.lineEnd()),p&&(o.polygonEnd(),p=!1),a=u=null;},sphere:function(){o.polygonStart(),o.lineStart(),i(null,null,1,o),o.lineEnd(),o.polygonEnd();}};function g(t,r){n(t,r)&&o.point(t,r);}function v(n,t){l.point(n,t);}function d(){h.point=v,l.lineStart();}function E(){h.point=g,l.lineEnd();}function y(n,t){c.push([n,t]),s.point(n,t);}function S(){s.lineStart(),c=[];}function m(){y(c[0][0],c[0][1]),s.lineEnd();var n,t,r,i,e=s.clean(),l=f.result(),h=l.length;if(c.pop(),u.push(c),c=null,h)if(1&e){if((t=(r=l[0]).length-1)>0){for(p||(o.polygonStart(),p=!0),o.lineStart(),n=0;n<t;++n)o.point((i=r[n])[0],i[1]);o.lineEnd();}}else h>1&&2&e&&l.push(l.pop().concat(l.shift())),a.push(l.filter(Et4));}return h;};}
function Et4(n){return n.length>1;}
function yt5(n,t){return((n=n.x)[0]<0?n[1]-u12-i12:u12-n[1])-((t=t.x)[0]<0?t[1]-u12-i12:u12-t[1]);}
function mt5(n){var t=g11(n),r=2*f9,e=t>0,u=s12(t)>i12;function a(n,r){return g11(n)*g11(r)>t;}function c(n,r,e){var u=[1,0,0],a=cn5(un5(n),un5(r)),c=an5(a,a),l=a[0],f=c-l*l;if(!f)return!e&&n;var p=t*c/f,h=-t*l/f,g=cn5(u,a),v=fn5(u,p);ln5(v,fn5(a,h));var d=g,E=an5(v,d),y=an5(d,d),S=E*E-y*(an5(v,v)-1);if(!(S<0)){var m=w11(S),M=fn5(d,(-E-m)/y);if(ln5(M,v),M=on5(M),!e)return M;var x,_=n[0],N=r[0],R=n[1],C=r[1];N<_&&(x=_,_=N,N=x);var P=N-_,A=s12(P-o9)<i12;if(!A&&C<R&&(x=R,R=C,C=x),A||P<i12?A?R+C>0^M[1]<(s12(M[0]-_)<i12?R:C):R<=M[1]&&M[1]<=C:P>o9^(_<=M[0]&&M[0]<=N)){var $=fn5(d,(-E+m)/y);return ln5($,v),[M,on5($)];}}}function l(t,r){var i=e?n:o9-n,u=0;return t<-i?u|=1:t>i&&(u|=2),r<-i?u|=4:r>i&&(u|=8),u;}return dt5(a,function(n){var t,r,i,f,s;return{lineStart:function(){f=i=!1,s=1;},point:function(p,h){var g,v=[p,h],d=a(p,h),E=e?d?0:l(p,h):d?l(p+(p<0?o9:-o9),h):0;if(!t&&(f=i=d)&&n.lineStart(),d!==i&&(!(g=c(t,v))||ft6(t,g)||ft6(v,g))&&(v[2]=1),d!==i)s=0,d?(n.lineStart(),g=c(v,t),n.point(g[0],g[1])):(g=c(t,v),n.point(g[0],g[1],2),n.lineEnd()),t=g;else if(u&&t&&e^d){var y;E&r||!(y=c(v,t,!0))||(s=0,e?(n.lineStart(),n.point(y[0][0],y[0][1]),n.point(y[1][0],y[1][1]),n.lineEnd()):(n.point(y[1][0],y[1][1]),n.lineEnd(),n.lineStart(),n.point(y[0][0],y[0][1],3)));}!d||t&&ft6(t,v)||n.point(v[0],v[1]),t=v,i=d,r=E;},lineEnd:function(){i&&n.lineEnd(),t=null;},clean:function(){return s|(f&&i)<<1;}};},function(t,i,e,o){ut7(o,n,r,e,t,i);},e?[0,-n]:[-o9,n-o9]);}
